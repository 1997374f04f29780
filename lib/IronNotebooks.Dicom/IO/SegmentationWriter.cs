namespace IronNotebooks.Dicom.IO;

/// <summary>Segment Algorithm Type (0062,0008).</summary>
public enum SegmentAlgorithmType
{
    /// <summary>Drawn by a person.</summary>
    Manual,
    /// <summary>Proposed by an algorithm and edited or accepted by a person.</summary>
    Semiautomatic,
    /// <summary>Made by an algorithm alone.</summary>
    Automatic,
}

/// <summary>One segment of a Segmentation: what it is (coded) and who or what made it (PS3.3 §C.8.20.2, Segment Description Macro).</summary>
public sealed record SegmentationSegment
{
    /// <summary>Segment Number (0062,0004), 1-based, unique in the object.</summary>
    public required int Number { get; init; }

    /// <summary>Segment Label (0062,0005), at most 64 characters.</summary>
    public required string Label { get; init; }

    /// <summary>Segmented Property Category Code (0062,0003), CID 7150.</summary>
    public required DicomCode Category { get; init; }

    /// <summary>Segmented Property Type Code (0062,000F), CID 7151.</summary>
    public required DicomCode Type { get; init; }

    /// <summary>Segmented Property Type Modifier (0062,0011), e.g. laterality; null for none.</summary>
    public DicomCode? TypeModifier { get; init; }

    /// <summary>Segment Algorithm Type (0062,0008).</summary>
    public required SegmentAlgorithmType AlgorithmType { get; init; }

    /// <summary>Segment Algorithm Name (0062,0009): required unless the type is manual.</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>Segment Description (0062,0006), optional, at most 64 characters.</summary>
    public string? Description { get; init; }
}

/// <summary>One frame of a Segmentation: the pixels of one segment on one plane.</summary>
public sealed record SegmentationFrame
{
    /// <summary>The segment (its <see cref="SegmentationSegment.Number"/>).</summary>
    public required int SegmentNumber { get; init; }

    /// <summary>Pixel indices y × Columns + x inside the segment; every other pixel is outside.</summary>
    public required IReadOnlyList<int> PixelIndices { get; init; }

    /// <summary>Image Position (Patient) of the plane's first pixel centre, mm.</summary>
    public required IReadOnlyList<double> ImagePositionPatientMm { get; init; }

    /// <summary>The source images of this plane.</summary>
    public IReadOnlyList<DicomSourceImage> SourceImages { get; init; } = [];
}

/// <summary>Everything a binary Segmentation object needs, with the source it segments.</summary>
public sealed record SegmentationContent
{
    /// <summary>The grid of every frame (that of the source images).</summary>
    public required DerivedImageGeometry Geometry { get; init; }

    /// <summary>The segments, numbered 1…N.</summary>
    public required IReadOnlyList<SegmentationSegment> Segments { get; init; }

    /// <summary>The frames: only planes where a segment has pixels.</summary>
    public required IReadOnlyList<SegmentationFrame> Frames { get; init; }

    /// <summary>A dataset of the source series: patient, study and frame of reference are copied from it.</summary>
    public required DicomDataset Source { get; init; }

    /// <summary>Series Instance UID of the source images.</summary>
    public required string SourceSeriesInstanceUid { get; init; }

    /// <summary>Series Description of the segmentation series.</summary>
    public string SeriesDescription { get; init; } = "ROIs";

    /// <summary>Series Number of the segmentation series.</summary>
    public int SeriesNumber { get; init; } = 901;

    /// <summary>Content Label (0070,0080): a code string (A–Z, 0–9, _ and space, at most 16).</summary>
    public string ContentLabel { get; init; } = "ROIS";

    /// <summary>Content Description (0070,0081), at most 64 characters.</summary>
    public string ContentDescription { get; init; } = "";

    /// <summary>Software Versions of the writer (Enhanced General Equipment).</summary>
    public string SoftwareVersion { get; init; } = DicomUid.ImplementationVersionName;
}

/// <summary>
/// Writes a binary DICOM Segmentation (SOP class 1.2.840.10008.5.1.4.1.1.66.4, PS3.3 A.51): one segment per ROI with
/// coded category and type, frames only where a segment has pixels, each frame with its Segment Identification, Plane
/// Position and Derivation Image references to the source images; Pixel Measures and Plane Orientation shared; a
/// two-index dimension organisation (segment number, then position); a Common Instance Reference to the source series;
/// pixels packed 1 bit each, least significant bit first, frames back to back (PS3.5 §8.1.1).
/// </summary>
public static class SegmentationWriter
{
    /// <summary>Segmentation Storage.</summary>
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.66.4";

    /// <summary>Segment Identification Sequence (0062,000A).</summary>
    public static readonly DicomTag SegmentIdentificationSequence = new(0x0062, 0x000A);

    /// <summary>Referenced Segment Number (0062,000B).</summary>
    public static readonly DicomTag ReferencedSegmentNumber = new(0x0062, 0x000B);

    /// <summary>Builds the dataset.</summary>
    /// <exception cref="ArgumentException">No segment or frame, a frame of an unknown segment, a pixel index outside the image, or incomplete geometry.</exception>
    public static DicomDataset Create(SegmentationContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Validate(c);
        var ds = DerivedObjectModules.Start(SopClassUid, c.Source, "SEG", c.SeriesNumber, c.SeriesDescription, c.SoftwareVersion);

        // Segmentation Image module: derived, binary, 1 bit, never lossy.
        ds.SetString(DicomTags.ImageType, DicomVR.CS, "DERIVED", "PRIMARY");
        ds.SetString(new DicomTag(0x0070, 0x0080), DicomVR.CS, c.ContentLabel);
        ds.SetString(new DicomTag(0x0070, 0x0081), DicomVR.LO, c.ContentDescription);
        ds.SetString(new DicomTag(0x0070, 0x0084), DicomVR.PN, "");                // Content Creator's Name (Type 2)
        ds.SetNumbers(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetNumbers(DicomTags.Rows, DicomVR.US, c.Geometry.Rows);
        ds.SetNumbers(DicomTags.Columns, DicomVR.US, c.Geometry.Columns);
        ds.SetNumbers(DicomTags.BitsAllocated, DicomVR.US, 1);
        ds.SetNumbers(DicomTags.BitsStored, DicomVR.US, 1);
        ds.SetNumbers(DicomTags.HighBit, DicomVR.US, 0);
        ds.SetNumbers(DicomTags.PixelRepresentation, DicomVR.US, 0);
        ds.SetString(new DicomTag(0x0028, 0x2110), DicomVR.CS, "00");              // Lossy Image Compression
        ds.SetString(new DicomTag(0x0062, 0x0001), DicomVR.CS, "BINARY");          // Segmentation Type
        ds.SetSequence(new DicomTag(0x0062, 0x0002), [.. c.Segments.Select(SegmentItem)]);   // Segment Sequence
        ds.SetIntegerString(DicomTags.NumberOfFrames, c.Frames.Count);

        // Frames are indexed by segment, then by position along the slice normal (the order they are stored in).
        DerivedObjectModules.SetDimensions(ds,
            (ReferencedSegmentNumber, SegmentIdentificationSequence, "Segment Number"),
            (DicomTags.ImagePositionPatient, DicomTags.PlanePositionSequence, "Image Position (Patient)"));
        var frames = Ordered(c);
        var positionIndex = PositionIndices(c);
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, DerivedObjectModules.SharedGeometry(c.Geometry));
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. frames.Select(f => PerFrameGroups(f, positionIndex))]);
        ds.SetSequence(new DicomTag(0x0008, 0x1115), DerivedObjectModules.SourceSeriesReference(c.SourceSeriesInstanceUid, frames.SelectMany(f => f.SourceImages)));
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OB, Pack(frames, c.Geometry.PixelsPerFrame)));
        return ds;
    }

    /// <summary>Writes the segmentation atomically: a temporary file in the target folder, then renamed.</summary>
    public static void Write(string path, SegmentationContent content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ds = Create(content);
        AtomicFile.Write(path, stream => DicomWriter.Write(stream, ds));
    }

    /// <summary>Frames in dimension order: segment number, then position along the slice normal.</summary>
    public static IReadOnlyList<SegmentationFrame> Ordered(SegmentationContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var normal = c.Geometry.Normal();
        return [.. c.Frames.OrderBy(f => f.SegmentNumber).ThenBy(f => Dot(normal, f.ImagePositionPatientMm))];
    }

    /// <summary>
    /// Packs frames of Rows × Columns pixels into 1-bit pixel data: pixel i of frame f is bit (f × Rows × Columns + i)
    /// counted from the least significant bit of byte 0, frames not byte-aligned (PS3.5 §8.1.1); padded to even length.
    /// </summary>
    public static byte[] Pack(IReadOnlyList<SegmentationFrame> frames, int pixelsPerFrame)
    {
        ArgumentNullException.ThrowIfNull(frames);
        long bits = (long)pixelsPerFrame * frames.Count;
        var packed = new byte[((bits + 7) / 8 + 1) & ~1L];
        for (int f = 0; f < frames.Count; f++)
            foreach (int i in frames[f].PixelIndices)
            {
                long bit = (long)f * pixelsPerFrame + i;
                packed[bit >> 3] |= (byte)(1 << (int)(bit & 7));
            }
        return packed;
    }

    private static void Validate(SegmentationContent c)
    {
        if (c.Segments.Count == 0) throw new ArgumentException("A Segmentation needs at least one segment.", nameof(c));
        if (c.Frames.Count == 0) throw new ArgumentException("A Segmentation needs at least one frame (no segment has a pixel).", nameof(c));
        c.Geometry.Validate(nameof(c));
        var numbers = c.Segments.Select(s => s.Number).ToList();
        if (!numbers.Order().SequenceEqual(Enumerable.Range(1, numbers.Count)))
            throw new ArgumentException($"Segment numbers must be 1…{numbers.Count} without gaps or repeats, got {string.Join(", ", numbers)}.", nameof(c));
        foreach (var s in c.Segments)
        {
            if (s.Label.Length is 0 or > 64) throw new ArgumentException($"Segment {s.Number}: the label must have 1–64 characters, got '{s.Label}'.", nameof(c));
            if (s.AlgorithmType != SegmentAlgorithmType.Manual && string.IsNullOrWhiteSpace(s.AlgorithmName))
                throw new ArgumentException($"Segment {s.Number} '{s.Label}': a {s.AlgorithmType} segment needs its algorithm's name.", nameof(c));
        }
        int pixels = c.Geometry.PixelsPerFrame;
        foreach (var f in c.Frames)
        {
            if (!numbers.Contains(f.SegmentNumber)) throw new ArgumentException($"A frame refers to segment {f.SegmentNumber}, which is not in the Segment Sequence.", nameof(c));
            if (f.ImagePositionPatientMm.Count != 3) throw new ArgumentException($"A frame of segment {f.SegmentNumber} needs a 3-value Image Position (Patient).", nameof(c));
            if (f.PixelIndices.Count == 0) throw new ArgumentException($"A frame of segment {f.SegmentNumber} has no pixel: frames are written only where a segment has pixels.", nameof(c));
            if (f.PixelIndices.Any(i => i < 0 || i >= pixels)) throw new ArgumentException($"A frame of segment {f.SegmentNumber} has a pixel index outside 0…{pixels - 1}.", nameof(c));
        }
    }

    private static DicomDataset SegmentItem(SegmentationSegment s)
    {
        var item = new DicomDataset();
        item.SetNumbers(new DicomTag(0x0062, 0x0004), DicomVR.US, s.Number);         // Segment Number
        item.SetString(new DicomTag(0x0062, 0x0005), DicomVR.LO, s.Label);           // Segment Label
        if (s.Description is { Length: > 0 } d) item.SetString(new DicomTag(0x0062, 0x0006), DicomVR.ST, d);   // Segment Description
        item.SetString(new DicomTag(0x0062, 0x0008), DicomVR.CS, s.AlgorithmType.ToString().ToUpperInvariant());   // Segment Algorithm Type
        if (s.AlgorithmType != SegmentAlgorithmType.Manual) item.SetString(new DicomTag(0x0062, 0x0009), DicomVR.LO, s.AlgorithmName!);
        item.SetSequence(new DicomTag(0x0062, 0x0003), s.Category.ToItem());         // Segmented Property Category Code Sequence
        var type = s.Type.ToItem();
        if (s.TypeModifier is { } modifier) type.SetSequence(new DicomTag(0x0062, 0x0011), modifier.ToItem());   // Segmented Property Type Modifier Code Sequence
        item.SetSequence(new DicomTag(0x0062, 0x000F), type);                         // Segmented Property Type Code Sequence
        return item;
    }

    private static DicomDataset PerFrameGroups(SegmentationFrame frame, IReadOnlyDictionary<string, int> positionIndex)
    {
        var item = new DicomDataset();
        var content = new DicomDataset();
        content.SetNumbers(new DicomTag(0x0020, 0x9157), DicomVR.UL, frame.SegmentNumber, positionIndex[PositionKey(frame.ImagePositionPatientMm)]);   // Dimension Index Values
        item.SetSequence(DicomTags.FrameContentSequence, content);
        var position = new DicomDataset();
        position.SetDecimalString(DicomTags.ImagePositionPatient, [.. frame.ImagePositionPatientMm]);
        item.SetSequence(DicomTags.PlanePositionSequence, position);
        var segment = new DicomDataset();
        segment.SetNumbers(ReferencedSegmentNumber, DicomVR.US, frame.SegmentNumber);
        item.SetSequence(SegmentIdentificationSequence, segment);
        if (frame.SourceImages.Count > 0)
            item.SetSequence(new DicomTag(0x0008, 0x9124), DerivedObjectModules.DerivationImage(new DicomCode("113076", "DCM", "Segmentation"), frame.SourceImages));
        return item;
    }

    /// <summary>1-based index of each distinct plane position, in order along the slice normal.</summary>
    private static Dictionary<string, int> PositionIndices(SegmentationContent c)
    {
        var normal = c.Geometry.Normal();
        return c.Frames.Select(f => f.ImagePositionPatientMm).DistinctBy(PositionKey).OrderBy(p => Dot(normal, p))
            .Select((p, i) => (Key: PositionKey(p), Index: i + 1)).ToDictionary(x => x.Key, x => x.Index);
    }

    private static string PositionKey(IReadOnlyList<double> p) => string.Join('\\', p.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static double Dot(double[] n, IReadOnlyList<double> p) => n[0] * p[0] + n[1] * p[1] + n[2] * p[2];
}
