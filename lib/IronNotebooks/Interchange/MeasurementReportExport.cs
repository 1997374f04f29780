using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>
/// An ROI set on an exam series → the TID 1500 report content (docs/methods.md §6.4): the R2* map of the series
/// (model given, else ARLO for ≥ 3 echoes, log-linear for 2), the ROIs on the planes the SEG export puts them on, the LIC
/// through the calibration given or the first R2* calibration of the registry at the series' field, and — when the SEG
/// of the same set is given — masks referenced as its segment frames and the SEG named as evidence.
/// </summary>
public static class MeasurementReportExport
{
    /// <summary>
    /// The series R2* can be measured on for ROIs placed on <paramref name="source"/>: the source itself when it has ≥ 2
    /// magnitude echoes, else the exam's first such series in the same frame of reference (ROIs are then carried over in
    /// patient millimetres), else null with the reason in <paramref name="why"/>.
    /// </summary>
    public static SourceSeries? MeasurableSeries(SourceSeries source, ImageCatalog exam, out string why)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(exam);
        why = "";
        if (source.Series.MagnitudeEchoTimesMs.Count >= 2) return source;
        foreach (var candidate in exam.AllSeries.Where(s => s.MagnitudeEchoTimesMs.Count >= 2))
        {
            SourceSeries other;
            try { other = SourceSeries.Of(candidate); }
            catch (InterchangeException) { continue; }
            if (other.FrameOfReferenceUid == source.FrameOfReferenceUid) return other;
        }
        why = $"series {source.Series.SeriesNumber} has {source.Series.MagnitudeEchoTimesMs.Count} magnitude echo time(s) and the exam has no multi-echo series in its frame of reference: no R2* to report";
        return null;
    }

    /// <summary>Builds the content. When <paramref name="measured"/> is another series than <paramref name="source"/> (the
    /// one the ROIs were placed on), pixel shapes are carried to it in patient mm through their plane on the source.</summary>
    /// <exception cref="ArgumentException">Unknown model or calibration, or a calibration for another field.</exception>
    /// <exception cref="RoiException">An ROI cannot be measured, or a mask has no frame in the SEG.</exception>
    public static MeasurementReportExportResult Build(RoiSet set, SourceSeries source, SourceSeries measured, string examFolder, string? modelName = null,
        string? calibrationName = null, SegmentationObject? segmentation = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(measured);
        var notes = new List<string>();
        var plane = SegmentationExport.ReferencePlane(set, source, examFolder, notes);
        if (!ReferenceEquals(measured, source))
        {
            var g = (plane ?? source.Planes[0]).Geometry;
            set = set with { Rois = [.. set.Rois.Select(r => r.Space == RoiSpace.Pixel && r is not MaskRoi ? Exams.ExamRois.ToPatient(r, g) : r)] };
            notes.Add($"R2* measured on series {measured.Series.SeriesNumber} '{measured.Series.SeriesDescription}' (series {source.Series.SeriesNumber} has one echo): pixel ROIs carried over in patient mm");
            plane = null;
            source = measured;
        }
        var series = MultiEchoSeries.FromCatalog(source.Series);
        var model = modelName is not null ? DecayModels.Get(modelName) : series.EchoTimesMs.Count >= 3 ? DecayModels.Arlo : DecayModels.LogLinear;
        RelaxometryCalibration? calibration;
        if (calibrationName is not null) calibration = RelaxometryCalibrations.Get(calibrationName);
        else
        {
            calibration = series.FieldStrengthT is { } field
                ? RelaxometryCalibrations.All.FirstOrDefault(c => c.Quantity == RelaxationQuantity.R2Star && Math.Abs(c.FieldStrengthT - field) <= 0.05)
                : null;
            notes.Add(calibration is null
                ? $"no R2* calibration at {series.FieldStrengthT?.ToString(CultureInfo.InvariantCulture) ?? "an unknown field"} T: the report carries R2* only"
                : $"LIC through {calibration.Name} (the registry's first R2* calibration at {calibration.FieldStrengthT.ToString(CultureInfo.InvariantCulture)} T; choose another with --calibration)");
        }
        var map = R2StarMap.Compute(series, model);
        var content = RoiReportBuilder.Build(source.Series, series, map, set, calibration, examFolder, plane?.Geometry.OriginMm);
        if (segmentation is not null)
        {
            var entries = content.Entries.Select(e => e.Roi is MaskRoi ? e with { Segment = SegmentOf(e, segmentation) } : e).ToList();
            content = content with
            {
                Entries = entries,
                Segmentation = new RoiReportSegmentation { SopInstanceUid = segmentation.SopInstanceUid, SeriesInstanceUid = segmentation.SeriesInstanceUid },
            };
        }
        return new MeasurementReportExportResult { Content = content, Model = model.Name, Calibration = calibration?.Name, Notes = notes };
    }

    /// <summary>The SEG frame holding the mask ROI's plane: the segment labelled with the ROI's name, frame at the plane's origin.</summary>
    private static RoiReportSegment SegmentOf(RoiReportEntry e, SegmentationObject seg)
    {
        var segment = seg.Segments.FirstOrDefault(s => s.Label == e.Roi.Name)
            ?? throw new RoiException(e.Roi.Name, $"is a mask and the SEG {seg.SopInstanceUid} has no segment labelled with its name");
        var origin = e.Image.Geometry!.OriginMm;
        var frame = seg.Frames.FirstOrDefault(f => f.SegmentNumber == segment.Number && f.ImagePositionPatientMm is { Count: 3 } p && (Vector3Mm.From(p) - origin).Length < 0.01)
            ?? throw new RoiException(e.Roi.Name, $"has no frame of segment {segment.Number} of the SEG on its plane");
        return new RoiReportSegment
        {
            SegmentationSopInstanceUid = seg.SopInstanceUid, SegmentationSeriesInstanceUid = seg.SeriesInstanceUid,
            SegmentNumber = segment.Number, FrameNumber = frame.FrameIndex + 1,
        };
    }
}
