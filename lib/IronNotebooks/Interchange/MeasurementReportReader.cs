using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Exams;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using C = IronNotebooks.Interchange.MeasurementReportCodes;

namespace IronNotebooks.Interchange;

/// <summary>
/// Reads a TID 1500 Measurement Report — written by this library or another tool — back into a <see cref="RoiSet"/>
/// and the measurements of each group (docs/methods.md §6.4). Planar groups (TID 1410) give their ROI from the Image
/// Region SCOORD on the referenced image, or from the referenced SEG segment when a resolver is given; volumetric
/// groups (TID 1411) from their Referenced Segment likewise. Anything else fails with an <see cref="SrContentException"/>
/// naming the content item path.
/// </summary>
public static class MeasurementReportReader
{
    /// <summary>Reads an SR file.</summary>
    /// <exception cref="SrContentException">Not a TID 1500 report, or a group whose geometry cannot be mapped.</exception>
    public static MeasurementReportReadResult Read(string path, MeasurementReportReadOptions? options = null) =>
        Read(DicomFile.Open(path).Dataset, options);

    /// <summary>Reads an SR dataset.</summary>
    /// <exception cref="SrContentException">Not a TID 1500 report, or a group whose geometry cannot be mapped.</exception>
    public static MeasurementReportReadResult Read(DicomDataset dataset, MeasurementReportReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new MeasurementReportReadOptions();
        string? file = dataset.SourcePath;
        var sopClass = dataset.GetStringOrDefault(DicomTags.SOPClassUID) ?? "";
        if (!sopClass.StartsWith("1.2.840.10008.5.1.4.1.1.88.", StringComparison.Ordinal))
            throw new SrContentException("1", $"is not in a Structured Report (SOP Class UID '{sopClass}')", file, DicomTags.SOPClassUID);
        var root = SrContentCodec.ReadRoot(dataset);
        if (!root.ConceptName.Is(C.ImagingMeasurementReport))
            throw new SrContentException("1", $"is {Describe(root.ConceptName)}, not {Describe(C.ImagingMeasurementReport)}: not a TID 1500 Measurement Report", file);
        var measurementsIndex = IndexOf(root, C.ImagingMeasurements);
        if (measurementsIndex < 0)
            throw new SrContentException("1", $"has no {Describe(C.ImagingMeasurements)} container (TID 1500 row 8)", file);
        var evidence = Evidence(dataset);
        var container = root.Children[measurementsIndex];
        var entries = new List<RoiReportEntry>();
        for (int i = 0; i < container.Children.Count; i++)
        {
            var group = container.Children[i];
            string path = $"1.{measurementsIndex + 1}.{i + 1}";
            if (group.ValueType != SrValueType.Container || !group.ConceptName.Is(C.MeasurementGroup)) continue;   // e.g. TID 1501 qualitative-only items
            entries.Add(ReadGroup(group, path, file, evidence, options));
        }
        if (entries.Count == 0) throw new SrContentException($"1.{measurementsIndex + 1}", "holds no Measurement Group", file);
        var duplicate = entries.GroupBy(e => e.Roi.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SrContentException($"1.{measurementsIndex + 1}", $"has two groups tracked as '{duplicate.Key}'; ROI names must be unique", file);

        var (set, notes) = ToSet(entries, options, dataset);
        var observer = root.Children.FirstOrDefault(c => c.ConceptName.Is(C.DeviceObserverName))?.Text;
        return new MeasurementReportReadResult { Rois = set, Entries = entries, ObserverName = observer, Notes = notes };
    }

    private static RoiReportEntry ReadGroup(SrContentItem group, string path, string? file, IReadOnlyDictionary<string, (string Study, string Series)> evidence,
        MeasurementReportReadOptions options)
    {
        string ChildPath(SrContentItem c) => $"{path}.{IndexOfItem(group, c) + 1}";
        var name = group.ChildrenNamed(C.TrackingIdentifier).FirstOrDefault()?.Text?.Trim();
        if (string.IsNullOrEmpty(name)) throw new SrContentException(path, $"has no {Describe(C.TrackingIdentifier)}: the ROI has no name", file);
        var role = Role(group);

        RoiShape roi;
        RoiReportImage image;
        RoiReportSegment? segment = null;
        var region = group.ChildrenNamed(C.ImageRegion).FirstOrDefault();
        var segFrame = group.ChildrenNamed(C.ReferencedSegmentationFrame).FirstOrDefault()
            ?? group.ChildrenNamed(new DicomCode("121191", "DCM", "Referenced Segment")).FirstOrDefault();
        if (region is not null)
        {
            string rp = ChildPath(region);
            if (region.ValueType != SrValueType.Scoord)
                throw new SrContentException(rp, $"is an Image Region of value type {region.ValueType.ToString().ToUpperInvariant()}; only 2D SCOORD regions can be mapped to an ROI", file);
            roi = RoiScoord.FromGraphic(name, role, region.GraphicType!, region.GraphicData!, out var problem)
                ?? throw new SrContentException(rp, problem, file, new DicomTag(0x0070, 0x0023));
            var selected = region.Children.FirstOrDefault(c => c.Relationship == SrRelationship.SelectedFrom && c.ValueType == SrValueType.Image)
                ?? throw new SrContentException(rp, "has no SELECTED FROM image: the coordinates cannot be placed", file);
            image = Image(selected.Reference!, evidence);
        }
        else if (segFrame is not null)
        {
            string sp = ChildPath(segFrame);
            var reference = segFrame.Reference ?? throw new SrContentException(sp, "references no SEG", file);
            if (reference.SegmentNumbers.Count > 1 || reference.FrameNumbers.Count > 1)
                throw new SrContentException(sp, $"references {reference.SegmentNumbers.Count} segments and {reference.FrameNumbers.Count} frames; one ROI needs one segment or frame", file);
            if (reference.SegmentNumbers.Count == 0 && reference.FrameNumbers.Count == 0)
                throw new SrContentException(sp, "references a SEG without a frame or segment number", file);
            int? number = reference.SegmentNumbers.Count == 1 ? reference.SegmentNumbers[0] : null;
            int? frame = reference.FrameNumbers.Count == 1 ? reference.FrameNumbers[0] : null;
            string what = frame is { } fr ? $"frame {fr}" : $"segment {number}";
            roi = options.ResolveSegment?.Invoke(reference.SopInstanceUid, number, frame, name, role)
                ?? throw new SrContentException(sp, $"references {what} of SEG {reference.SopInstanceUid}, which was not given: read the SR with its SEG to place this ROI", file);
            segment = new RoiReportSegment
            {
                SegmentationSopInstanceUid = reference.SopInstanceUid, SegmentNumber = number, FrameNumber = frame ?? 1,
                SegmentationSeriesInstanceUid = evidence.TryGetValue(reference.SopInstanceUid, out var e) ? e.Series : "",
            };
            var source = group.ChildrenNamed(C.SourceImageForSegmentation).FirstOrDefault()?.Reference;
            image = source is not null ? Image(source, evidence)
                : new RoiReportImage { SopClassUid = "", SopInstanceUid = "", StudyInstanceUid = "", SeriesInstanceUid = "" };
        }
        else
            throw new SrContentException(path, $"has neither an {Describe(C.ImageRegion)} nor a {Describe(C.ReferencedSegmentationFrame)}: the ROI's geometry cannot be mapped", file);

        var measurements = new List<ReportedMeasurement>();
        RoiReportValues values = new();
        foreach (var num in group.Children.Where(c => c.ValueType == SrValueType.Num && c.NumericValue is not null))
        {
            var derivation = num.ChildrenNamed(C.Derivation).FirstOrDefault()?.Code;
            var m = new ReportedMeasurement(num.ConceptName!, num.NumericValue!.Value, num.Units!, derivation);
            measurements.Add(m);
            string? algorithm = num.ChildrenNamed(C.AlgorithmName).FirstOrDefault()?.Text;
            string? version = num.ChildrenNamed(C.AlgorithmVersion).FirstOrDefault()?.Text;
            IReadOnlyList<string> parameters = [.. num.ChildrenNamed(C.AlgorithmParameters).Select(p => p.Text ?? "")];
            if (m.Concept.Is(C.R2Star) && m.Units.Is(C.PerSecond) && derivation.Is(C.Mean))
                values = values with { R2StarMeanPerSecond = m.Value, R2StarAlgorithm = algorithm, R2StarParameters = parameters, AlgorithmVersion = version ?? values.AlgorithmVersion };
            else if (m.Concept.Is(C.R2Star) && m.Units.Is(C.PerSecond) && derivation.Is(C.StandardDeviation))
                values = values with { R2StarSdPerSecond = m.Value };
            else if (m.Concept.Is(C.Area) && m.Units.Is(C.Pixels))
                values = values with { PixelCount = checked((int)Math.Round(m.Value)) };
            else if (m.Concept.Is(C.Area) && m.Units.Is(C.SquareMillimetre))
                values = values with { AreaMm2 = m.Value };
            else if (m.Concept.Is(C.LiverIronConcentration) && (m.Units.Is(C.MilligramPerGram) || m.Units.Is(C.MicromolePerGram)))
            {
                values = m.Units.Is(C.MilligramPerGram) ? values with { LicMgPerGram = m.Value } : values with { LicUmolPerGram = m.Value };
                values = values with { Calibration = algorithm, CalibrationParameters = parameters };
            }
        }
        return new RoiReportEntry
        {
            Roi = roi, Image = image, Segment = segment, Values = values, Measurements = measurements,
            TrackingUid = group.ChildrenNamed(C.TrackingUniqueIdentifier).FirstOrDefault()?.Text,
        };
    }

    /// <summary>The role whose finding (segmented property type) and finding-site laterality match; Other when none does.</summary>
    private static RoiRole Role(SrContentItem group)
    {
        var finding = group.ChildrenNamed(C.Finding).FirstOrDefault()?.Code;
        var site = group.ChildrenNamed(C.FindingSite).FirstOrDefault();
        var laterality = site?.ChildrenNamed(C.Laterality).FirstOrDefault()?.Code;
        var type = finding ?? site?.Code;
        if (type is null) return RoiRole.Other;
        var match = RoiRoleCodes.All.FirstOrDefault(r => RoiRoleCodes.SameCode(r.Type, type)
            && (r.TypeModifier is null ? laterality is null : laterality is not null && RoiRoleCodes.SameCode(r.TypeModifier, laterality)));
        return match?.Role ?? RoiRole.Other;
    }

    private static RoiReportImage Image(SrReference r, IReadOnlyDictionary<string, (string Study, string Series)> evidence) => new()
    {
        SopClassUid = r.SopClassUid, SopInstanceUid = r.SopInstanceUid, FrameNumber = r.FrameNumbers.Count == 1 ? r.FrameNumbers[0] : null,
        StudyInstanceUid = evidence.TryGetValue(r.SopInstanceUid, out var e) ? e.Study : "",
        SeriesInstanceUid = evidence.TryGetValue(r.SopInstanceUid, out var e2) ? e2.Series : "",
    };

    private static (RoiSet Set, IReadOnlyList<string> Notes) ToSet(List<RoiReportEntry> entries, MeasurementReportReadOptions options, DicomDataset dataset)
    {
        var notes = new List<string>();
        string description = $"Read from TID 1500 SR {dataset.GetStringOrDefault(DicomTags.SOPInstanceUID)}";
        var images = entries.Select(e => (e.Image.SopInstanceUid, e.Image.FrameNumber)).Distinct().ToList();
        if (images.Count <= 1)
        {
            var resolved = images.Count == 1 ? options.ResolveImage?.Invoke(images[0].SopInstanceUid, images[0].FrameNumber) : null;
            if (resolved is null) notes.Add($"the ROIs lie on image {images.FirstOrDefault().SopInstanceUid}, which was not resolved to a file: they stay in its pixel space without a reference image");
            return (new RoiSet(description, resolved?.Path, [.. entries.Select(e => e.Roi)]), notes);
        }
        // Several images (slices): place each ROI in patient millimetres through its image's geometry.
        var placed = new List<RoiShape>();
        foreach (var e in entries)
        {
            var resolved = options.ResolveImage?.Invoke(e.Image.SopInstanceUid, e.Image.FrameNumber);
            if (resolved is null || e.Roi is MaskRoi)
                throw new SrContentException("1", $"places ROIs on {images.Count} images; ROI '{e.Roi.Name}' lies on image {e.Image.SopInstanceUid}, which was not resolved to a file with geometry (give the source images)", dataset.SourcePath);
            placed.Add(ToPatient(e.Roi, resolved.Geometry));
        }
        notes.Add($"the ROIs lie on {images.Count} images: placed in patient mm through each image's geometry");
        return (new RoiSet(description, null, placed), notes);
    }

    /// <summary>A pixel ROI in patient mm, keeping its shape where the pixels allow (circles and ellipses on square pixels,
    /// rectangles always) so it covers the same pixels; other cases go through <see cref="ExamRois.ToPatient"/>.</summary>
    private static RoiShape ToPatient(RoiShape roi, ImageGeometry g)
    {
        RoiPoint P(RoiPoint p)
        {
            var v = g.PixelToPatient(p.X, p.Y);
            return new RoiPoint(v.X, v.Y, v.Z);
        }
        bool square = Math.Abs(g.RowSpacingMm - g.ColumnSpacingMm) < 1e-6;
        double mm = g.ColumnSpacingMm;
        return roi switch
        {
            EllipseRoi e when square => new EllipseRoi(e.Name, e.Role, RoiSpace.PatientMm, P(e.Center), e.RadiusX * mm, e.RadiusY * mm, e.AngleDeg),
            RectangleRoi r => new RectangleRoi(r.Name, r.Role, RoiSpace.PatientMm, P(r.Corner0), P(r.Corner1)),
            _ => ExamRois.ToPatient(roi, g),
        };
    }

    /// <summary>SOP Instance UID → (study, series) from the evidence sequences.</summary>
    private static Dictionary<string, (string Study, string Series)> Evidence(DicomDataset ds)
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var seq in new[] { new DicomTag(0x0040, 0xA375), new DicomTag(0x0040, 0xA385) })
            foreach (var study in ds.TryGetSequence(seq, out var studies) ? studies : [])
                foreach (var series in study.TryGetSequence(new DicomTag(0x0008, 0x1115), out var s) ? s : [])
                    foreach (var sop in series.TryGetSequence(new DicomTag(0x0008, 0x1199), out var sops) ? sops : [])
                        if (sop.GetStringOrDefault(new DicomTag(0x0008, 0x1155)) is { } uid)
                            map[uid.TrimEnd('\0', ' ')] = (study.GetStringOrDefault(DicomTags.StudyInstanceUID) ?? "", series.GetStringOrDefault(DicomTags.SeriesInstanceUID) ?? "");
        return map;
    }

    private static int IndexOf(SrContentItem parent, DicomCode name)
    {
        for (int i = 0; i < parent.Children.Count; i++) if (parent.Children[i].ConceptName.Is(name)) return i;
        return -1;
    }

    private static int IndexOfItem(SrContentItem parent, SrContentItem child)
    {
        for (int i = 0; i < parent.Children.Count; i++) if (ReferenceEquals(parent.Children[i], child)) return i;
        return -1;
    }

    private static string Describe(DicomCode? c) => c is null ? "(no concept name)" : $"({c.Value}, {c.Scheme}, \"{c.Meaning}\")";
}
