using IronNotebooks.Dicom.Imaging;

namespace IronNotebooks.Dicom.IO;

/// <summary>
/// Reads a DICOM Segmentation (SOP class 1.2.840.10008.5.1.4.1.1.66.4) written by any tool: segments with their codes,
/// every frame's segment, plane and source images (per-frame functional groups first, then shared ones), and the
/// pixels decoded through the library's codecs (native 1-bit, RLE, JPEG 2000, deflated image frames, …).
/// BINARY pixels are inside when their bit is set. FRACTIONAL pixels (8-bit, 0…Maximum Fractional Value) are inside at
/// or above <see cref="FractionalThreshold"/> of the maximum, i.e. when at least half of the pixel is occupied (or, for
/// PROBABILITY, when the segment is at least as likely as not); the threshold is recorded on the result. Any other
/// Segmentation Type (LABELMAP) is refused with a typed error naming the tag.
/// </summary>
public static class SegmentationReader
{
    /// <summary>The occupancy/probability fraction at or above which a FRACTIONAL pixel counts as inside.</summary>
    public const double FractionalThreshold = 0.5;

    private static readonly DicomTag SegmentationTypeTag = new(0x0062, 0x0001);
    private static readonly DicomTag SegmentSequence = new(0x0062, 0x0002);
    private static readonly DicomTag MaximumFractionalValue = new(0x0062, 0x000E);

    /// <summary>Reads a file.</summary>
    /// <exception cref="DicomException">Not a Segmentation, a required element is missing or inconsistent, or pixels cannot be decoded; the message names the file and tag.</exception>
    public static SegmentationObject Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(DicomFile.Open(path), path);
    }

    /// <summary>Reads an opened file.</summary>
    public static SegmentationObject Read(DicomFile file, string path)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ds = file.Dataset;
        string sopClass = ds.GetStringOrDefault(DicomTags.SOPClassUID) ?? "";
        if (sopClass != SegmentationWriter.SopClassUid)
            throw new DicomFormatException($"Not a DICOM Segmentation: SOP Class UID is '{sopClass}', expected {SegmentationWriter.SopClassUid}", path, ds.Find(DicomTags.SOPClassUID)?.ByteOffset, DicomTags.SOPClassUID);
        string type = ds.GetStringOrDefault(SegmentationTypeTag)?.Trim() ?? throw new DicomMissingTagException(SegmentationTypeTag, "A Segmentation needs its Segmentation Type", path);
        double? threshold = type switch
        {
            "BINARY" => null,
            "FRACTIONAL" => FractionalThreshold,
            _ => throw new DicomFormatException($"Segmentation Type '{type}' is not supported (BINARY and FRACTIONAL are)", path, ds.Find(SegmentationTypeTag)?.ByteOffset, SegmentationTypeTag),
        };

        var segments = ds.GetSequence(SegmentSequence).Select(item => ReadSegment(item, path)).ToList();
        if (segments.Count == 0) throw new DicomFormatException("The Segment Sequence is empty", path, ds.Find(SegmentSequence)?.ByteOffset, SegmentSequence);
        var duplicate = segments.GroupBy(s => s.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DicomFormatException($"Segment Number {duplicate.Key} appears twice in the Segment Sequence", path, ds.Find(SegmentSequence)?.ByteOffset, SegmentSequence);

        var pixels = DicomPixelData.Create(ds, file.TransferSyntax, path);
        var format = pixels.Format;
        if (type == "BINARY" && format.BitsAllocated != 1)
            throw new DicomFormatException($"A BINARY segmentation needs Bits Allocated 1, found {format.BitsAllocated}", path, ds.Find(DicomTags.BitsAllocated)?.ByteOffset, DicomTags.BitsAllocated);
        if (type == "FRACTIONAL" && format.BitsAllocated != 8)
            throw new DicomFormatException($"A FRACTIONAL segmentation needs Bits Allocated 8, found {format.BitsAllocated}", path, ds.Find(DicomTags.BitsAllocated)?.ByteOffset, DicomTags.BitsAllocated);
        double maxFraction = type == "FRACTIONAL" ? ds.GetInt(MaximumFractionalValue) : 1;
        if (maxFraction < 1) throw new DicomFormatException($"Maximum Fractional Value {maxFraction} must be at least 1", path, ds.Find(MaximumFractionalValue)?.ByteOffset, MaximumFractionalValue);

        var shared = ds.GetFirstItemOrDefault(DicomTags.SharedFunctionalGroupsSequence);
        var perFrame = ds.TryGetSequence(DicomTags.PerFrameFunctionalGroupsSequence, out var items) ? items : [];
        var warnings = new List<string>();
        if (perFrame.Count != 0 && perFrame.Count != pixels.NumberOfFrames)
        {
            // A file cut down to its first frames without updating the functional groups (pydicom's liver_1frame.dcm):
            // without a Number of Frames to say otherwise, item f still describes frame f; the extra items are reported.
            if (ds.Contains(DicomTags.NumberOfFrames) || perFrame.Count < pixels.NumberOfFrames)
                throw new DicomFormatException($"Per-frame Functional Groups Sequence has {perFrame.Count} items but Number of Frames is {pixels.NumberOfFrames}", path,
                    ds.Find(DicomTags.PerFrameFunctionalGroupsSequence)?.ByteOffset, DicomTags.PerFrameFunctionalGroupsSequence);
            warnings.Add($"Number of Frames (0028,0008) is absent and the pixel data hold {pixels.NumberOfFrames} frame(s), but the Per-frame Functional Groups Sequence has {perFrame.Count} items: items {pixels.NumberOfFrames + 1}–{perFrame.Count} describe no frame and were ignored");
        }
        var known = segments.Select(s => s.Number).ToHashSet();
        var frames = new List<SegmentationFrameRead>(pixels.NumberOfFrames);
        var values = new double[format.SamplesPerFrame];
        for (int f = 0; f < pixels.NumberOfFrames; f++)
        {
            var own = perFrame.Count > 0 ? perFrame[f] : null;
            DicomDataset? Group(DicomTag sequence) => own?.GetFirstItemOrDefault(sequence) ?? shared?.GetFirstItemOrDefault(sequence);
            var identification = Group(SegmentationWriter.SegmentIdentificationSequence)
                ?? throw new DicomMissingTagException(SegmentationWriter.SegmentIdentificationSequence, $"Frame {f + 1} has no Segment Identification (neither per-frame nor shared)", path);
            int segment = identification.GetInt(SegmentationWriter.ReferencedSegmentNumber);
            if (!known.Contains(segment))
                throw new DicomFormatException($"Frame {f + 1} refers to segment {segment}, which the Segment Sequence does not define", path, null, SegmentationWriter.ReferencedSegmentNumber);
            var measures = Group(DicomTags.PixelMeasuresSequence);
            pixels.GetStoredValues(f, values);
            var inside = new List<int>();
            double cut = FractionalThreshold * maxFraction;
            for (int i = 0; i < values.Length; i++)
                if (threshold is null ? values[i] != 0 : values[i] >= cut) inside.Add(i);
            frames.Add(new SegmentationFrameRead
            {
                FrameIndex = f,
                SegmentNumber = segment,
                PixelIndices = inside,
                ImagePositionPatientMm = Doubles(Group(DicomTags.PlanePositionSequence), DicomTags.ImagePositionPatient, 3),
                ImageOrientationPatient = Doubles(Group(DicomTags.PlaneOrientationSequence), DicomTags.ImageOrientationPatient, 6),
                PixelSpacingMm = Doubles(measures, DicomTags.PixelSpacing, 2),
                SliceThicknessMm = measures is not null && measures.TryGetDouble(DicomTags.SliceThickness, out var t) ? t : null,
                SourceImages = SourceImages(own, shared),
            });
        }

        var references = ds.TryGetSequence(new DicomTag(0x0008, 0x1115), out var series)
            ? series.Select(s => new SegmentationSeriesReference(s.GetStringOrDefault(DicomTags.SeriesInstanceUID) ?? "",
                s.TryGetSequence(new DicomTag(0x0008, 0x114A), out var inst) ? [.. inst.Select(Reference)] : [])).ToList()
            : [];
        return new SegmentationObject
        {
            FilePath = path,
            SopInstanceUid = ds.GetString(DicomTags.SOPInstanceUID),
            SeriesInstanceUid = ds.GetStringOrDefault(DicomTags.SeriesInstanceUID) ?? "",
            StudyInstanceUid = ds.GetStringOrDefault(DicomTags.StudyInstanceUID) ?? "",
            FrameOfReferenceUid = ds.GetStringOrDefault(DicomTags.FrameOfReferenceUID) is { Length: > 0 } fr ? fr : null,
            SegmentationType = type,
            FractionalThreshold = threshold,
            Rows = format.Rows,
            Columns = format.Columns,
            TransferSyntaxUid = file.TransferSyntax.Uid,
            Segments = segments,
            Frames = frames,
            ReferencedSeries = references,
            Warnings = warnings,
            Creator = string.Join(' ', new[] { ds.GetStringOrDefault(DicomTags.Manufacturer), ds.GetStringOrDefault(new DicomTag(0x0018, 0x1020)) }.Where(s => !string.IsNullOrWhiteSpace(s))),
        };
    }

    private static SegmentationSegment ReadSegment(DicomDataset item, string path)
    {
        int number = item.GetInt(new DicomTag(0x0062, 0x0004));
        string algorithm = item.GetStringOrDefault(new DicomTag(0x0062, 0x0008))?.Trim() ?? "";
        var algorithmType = algorithm switch
        {
            "MANUAL" => SegmentAlgorithmType.Manual,
            "SEMIAUTOMATIC" => SegmentAlgorithmType.Semiautomatic,
            "AUTOMATIC" => SegmentAlgorithmType.Automatic,
            _ => throw new DicomFormatException($"Segment {number}: Segment Algorithm Type '{algorithm}' is not MANUAL, SEMIAUTOMATIC or AUTOMATIC", path, item.Find(new DicomTag(0x0062, 0x0008))?.ByteOffset, new DicomTag(0x0062, 0x0008)),
        };
        var category = item.GetFirstItemOrDefault(new DicomTag(0x0062, 0x0003))
            ?? throw new DicomMissingTagException(new DicomTag(0x0062, 0x0003), $"Segment {number} has no Segmented Property Category Code", path);
        var type = item.GetFirstItemOrDefault(new DicomTag(0x0062, 0x000F))
            ?? throw new DicomMissingTagException(new DicomTag(0x0062, 0x000F), $"Segment {number} has no Segmented Property Type Code", path);
        var modifier = type.GetFirstItemOrDefault(new DicomTag(0x0062, 0x0011));
        return new SegmentationSegment
        {
            Number = number,
            Label = item.GetStringOrDefault(new DicomTag(0x0062, 0x0005)) is { Length: > 0 } label ? label : $"Segment {number}",
            Description = item.GetStringOrDefault(new DicomTag(0x0062, 0x0006)),
            AlgorithmType = algorithmType,
            AlgorithmName = item.GetStringOrDefault(new DicomTag(0x0062, 0x0009)),
            Category = Code(category, path),
            Type = Code(type, path),
            TypeModifier = modifier is null ? null : Code(modifier, path),
        };
    }

    /// <summary>A Code Sequence Macro item: Code Value, else Long Code Value, else URN Code Value (PS3.3 §8.8).</summary>
    private static DicomCode Code(DicomDataset item, string path)
    {
        string value = item.GetStringOrDefault(new DicomTag(0x0008, 0x0100)) ?? item.GetStringOrDefault(new DicomTag(0x0008, 0x0119))
            ?? item.GetStringOrDefault(new DicomTag(0x0008, 0x0120))
            ?? throw new DicomMissingTagException(new DicomTag(0x0008, 0x0100), "A code item has no Code Value, Long Code Value or URN Code Value", path);
        return new DicomCode(value.Trim(), item.GetStringOrDefault(new DicomTag(0x0008, 0x0102))?.Trim() ?? "", item.GetStringOrDefault(new DicomTag(0x0008, 0x0104))?.Trim() ?? "");
    }

    private static IReadOnlyList<double>? Doubles(DicomDataset? item, DicomTag tag, int count) =>
        item is not null && item.TryGetDoubles(tag, out var v) && v.Length == count ? v : null;

    /// <summary>Every source image of every Derivation Image item (per-frame, else shared).</summary>
    private static IReadOnlyList<DicomSourceImage> SourceImages(DicomDataset? own, DicomDataset? shared)
    {
        var tag = new DicomTag(0x0008, 0x9124);
        var derivations = own is not null && own.TryGetSequence(tag, out var a) && a.Count > 0 ? a
            : shared is not null && shared.TryGetSequence(tag, out var b) ? b : [];
        return [.. derivations.SelectMany(d => d.TryGetSequence(new DicomTag(0x0008, 0x2112), out var s) ? s : []).Select(Reference)];
    }

    private static DicomSourceImage Reference(DicomDataset item) =>
        new(item.GetStringOrDefault(new DicomTag(0x0008, 0x1150)) ?? "", item.GetStringOrDefault(new DicomTag(0x0008, 0x1155)) ?? "",
            item.TryGetInt(new DicomTag(0x0008, 0x1160), out var frame) ? frame : null);
}
