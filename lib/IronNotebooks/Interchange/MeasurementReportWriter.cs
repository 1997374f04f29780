using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using static IronNotebooks.Dicom.StructuredReporting.SrRelationship;
using C = IronNotebooks.Interchange.MeasurementReportCodes;

namespace IronNotebooks.Interchange;

/// <summary>
/// Writes ROI measurements as a DICOM Enhanced SR following TID 1500 "Measurement Report" (PS3.16; docs/methods.md
/// §6.4): language, device observer (ironnb and its version), procedure reported, an Image Library of the source
/// images, and one TID 1410 Planar ROI Measurement Group per ROI — tracking identifier and UID, finding and finding
/// site from the ROI's role (<see cref="RoiRoleCodes"/>), the ROI as an Image Region (SCOORD CIRCLE, ELLIPSE or closed
/// POLYLINE on its source image) or, for an ROI that exists only as a mask, its Referenced Segmentation Frame in the SEG
/// (TID 1410 allows one of the two), then mean and SD of R2* (1/s), the area in pixels and mm², and the LIC in mg/g and
/// µmol/g, each with its algorithm (TID 4019: name, version, parameters naming the decay model and the calibration).
/// </summary>
public static class MeasurementReportWriter
{
    /// <summary>Builds the SR dataset.</summary>
    /// <exception cref="RoiException">An ROI cannot be expressed on its image (mask without SEG, patient ROI off the plane or without geometry).</exception>
    /// <exception cref="ArgumentException">No entries, duplicate names, or missing R2* values.</exception>
    public static DicomDataset Create(MeasurementReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Entries.Count == 0) throw new ArgumentException("A measurement report needs at least one ROI.", nameof(content));
        var duplicate = content.Entries.GroupBy(e => e.Roi.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Two ROIs are named '{duplicate.Key}'; tracking identifiers must be unique.", nameof(content));

        var images = content.Entries.Select(e => e.Image).DistinctBy(i => (i.SopInstanceUid, i.FrameNumber)).ToList();
        var root = SrContentItem.Container(null, C.ImagingMeasurementReport,
        [
            SrContentItem.CodeItem(HasConceptMod, C.Language, C.EnglishUnitedStates),
            SrContentItem.CodeItem(HasObsContext, C.ObserverType, C.Device),
            SrContentItem.UidItem(HasObsContext, C.DeviceObserverUid, DicomUid.ImplementationClassUid),
            SrContentItem.TextItem(HasObsContext, C.DeviceObserverName, "ironnb"),
            SrContentItem.TextItem(HasObsContext, C.DeviceObserverManufacturer, "IronNotebooks"),
            SrContentItem.TextItem(HasObsContext, C.DeviceObserverModelName, $"ironnb {content.SoftwareVersion}"),
            SrContentItem.CodeItem(HasConceptMod, C.ProcedureReported, C.MriUnspecifiedBodyRegion),
            SrContentItem.Container(Contains, C.ImageLibrary,
                [SrContentItem.Container(Contains, C.ImageLibraryGroup, images.Select(i => SrContentItem.ImageItem(Contains, null, Reference(i))))]),
            SrContentItem.Container(Contains, C.ImagingMeasurements, content.Entries.Select(e => Group(e, content.SoftwareVersion))),
        ], templateIdentifier: "1500");

        var evidence = images.Select(i => new SrEvidence(i.StudyInstanceUid, i.SeriesInstanceUid, i.SopClassUid, i.SopInstanceUid))
            .Concat(content.Entries.Where(e => e.Segment is not null).Select(e => new SrEvidence(content.Source.GetString(DicomTags.StudyInstanceUID),
                e.Segment!.SegmentationSeriesInstanceUid, RoiReportSegment.SegmentationSopClassUid, e.Segment.SegmentationSopInstanceUid)))
            .Concat(content.Segmentation is { } seg
                ? [new SrEvidence(content.Source.GetString(DicomTags.StudyInstanceUID), seg.SeriesInstanceUid, RoiReportSegment.SegmentationSopClassUid, seg.SopInstanceUid)]
                : [])
            .Distinct().ToList();
        return SrDocumentWriter.Create(new SrDocumentContent
        {
            Root = root, Source = content.Source, Evidence = evidence, CodingSchemes = [C.LocalScheme],
            SeriesDescription = content.SeriesDescription, SoftwareVersion = content.SoftwareVersion,
        });
    }

    /// <summary>Writes the SR atomically (temporary file in the target folder, then renamed).</summary>
    public static void Write(string path, MeasurementReportContent content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ds = Create(content);
        AtomicFile.Write(path, stream => DicomWriter.Write(stream, ds));
    }

    private static SrReference Reference(RoiReportImage i) =>
        new(i.SopClassUid, i.SopInstanceUid) { FrameNumbers = i.FrameNumber is { } f ? [f] : [] };

    private static SrContentItem Group(RoiReportEntry e, string softwareVersion)
    {
        var roi = e.Roi;
        var v = e.Values;
        if (v.R2StarMeanPerSecond is null || v.R2StarSdPerSecond is null || v.PixelCount is null)
            throw new ArgumentException($"ROI '{roi.Name}' lacks its R2* mean, SD or pixel count.");
        var codes = RoiRoleCodes.For(roi.Role);
        var items = new List<SrContentItem>
        {
            SrContentItem.TextItem(HasObsContext, C.TrackingIdentifier, roi.Name),
            SrContentItem.UidItem(HasObsContext, C.TrackingUniqueIdentifier, e.TrackingUid ?? DicomUid.Generate()),
            SrContentItem.CodeItem(Contains, C.Finding, codes.Type),
        };
        // A finding site is an anatomic location: only roles whose segmented property is an anatomical structure have one.
        if (RoiRoleCodes.SameCode(codes.Category, RoiRoleCodes.AnatomicalStructure))
            items.Add(SrContentItem.CodeItem(HasConceptMod, C.FindingSite, codes.Type,
                codes.TypeModifier is { } side ? [SrContentItem.CodeItem(HasConceptMod, C.Laterality, side)] : null));
        if (e.Segment is { } seg)
        {
            items.Add(SrContentItem.ImageItem(Contains, C.ReferencedSegmentationFrame,
                new SrReference(RoiReportSegment.SegmentationSopClassUid, seg.SegmentationSopInstanceUid) { FrameNumbers = [seg.FrameNumber] }));   // the frame implies its segment
            items.Add(SrContentItem.ImageItem(Contains, C.SourceImageForSegmentation, Reference(e.Image)));
        }
        else
        {
            var (type, data) = RoiScoord.ToGraphic(roi, e.Image.Geometry);
            items.Add(SrContentItem.ScoordItem(Contains, C.ImageRegion, type, data, Reference(e.Image)));
        }

        string version = v.AlgorithmVersion ?? softwareVersion;
        var r2Algorithm = Algorithm(v.R2StarAlgorithm ?? "IronNotebooks R2* map", version, v.R2StarParameters);
        items.Add(SrContentItem.NumItem(Contains, C.R2Star, v.R2StarMeanPerSecond.Value, C.PerSecond,
            [SrContentItem.CodeItem(HasConceptMod, C.Derivation, C.Mean), .. r2Algorithm]));
        items.Add(SrContentItem.NumItem(Contains, C.R2Star, v.R2StarSdPerSecond.Value, C.PerSecond,
            [SrContentItem.CodeItem(HasConceptMod, C.Derivation, C.StandardDeviation), .. r2Algorithm]));
        items.Add(SrContentItem.NumItem(Contains, C.Area, v.PixelCount.Value, C.Pixels));
        if (v.AreaMm2 is { } area) items.Add(SrContentItem.NumItem(Contains, C.Area, area, C.SquareMillimetre));
        if (v.LicMgPerGram is not null || v.LicUmolPerGram is not null)
        {
            if (v.Calibration is null) throw new ArgumentException($"ROI '{roi.Name}' has an LIC without the calibration that made it.");
            var licAlgorithm = Algorithm(v.Calibration, version, v.CalibrationParameters);
            if (v.LicMgPerGram is { } mg) items.Add(SrContentItem.NumItem(Contains, C.LiverIronConcentration, mg, C.MilligramPerGram, licAlgorithm));
            if (v.LicUmolPerGram is { } umol) items.Add(SrContentItem.NumItem(Contains, C.LiverIronConcentration, umol, C.MicromolePerGram, licAlgorithm));
        }
        return SrContentItem.Container(Contains, C.MeasurementGroup, items, templateIdentifier: "1410");
    }

    /// <summary>TID 4019 Algorithm Identification, as concept modifiers of a measurement.</summary>
    private static List<SrContentItem> Algorithm(string name, string version, IReadOnlyList<string> parameters) =>
    [
        SrContentItem.TextItem(HasConceptMod, C.AlgorithmName, name),
        SrContentItem.TextItem(HasConceptMod, C.AlgorithmVersion, version),
        .. parameters.Select(p => SrContentItem.TextItem(HasConceptMod, C.AlgorithmParameters, p)),
    ];
}
