using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Exams;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using C = IronNotebooks.Interchange.MeasurementReportCodes;

namespace IronNotebooks.Interchange;

/// <summary>How to place what an SR references.</summary>
public sealed record MeasurementReportReadOptions
{
    /// <summary>The file and geometry of a referenced image (SOP Instance UID, 1-based frame or null), or null when unknown.</summary>
    public Func<string, int?, ResolvedImage?>? ResolveImage { get; init; }

    /// <summary>The ROI a SEG segment stands for (SEG SOP Instance UID, segment number or null when only the frame is named,
    /// 1-based SEG frame or null; the ROI name and role to give it), or null when that SEG is not at hand.</summary>
    public Func<string, int?, int?, string, RoiRole, RoiShape?>? ResolveSegment { get; init; }

    /// <summary>Resolves images through the planes of an exam's series (SOP Instance UID and frame of each source image).</summary>
    public static Func<string, int?, ResolvedImage?> ImagesOf(IReadOnlyList<SourceSeries> exam)
    {
        ArgumentNullException.ThrowIfNull(exam);
        return (uid, frame) =>
        {
            foreach (var plane in exam.SelectMany(s => s.Planes))
                for (int i = 0; i < plane.SourceImages.Count; i++)
                    if (plane.SourceImages[i].SopInstanceUid == uid && (frame is null || plane.SourceImages[i].FrameNumber is null || plane.SourceImages[i].FrameNumber == frame))
                        return new ResolvedImage(plane.Files[Math.Min(i, plane.Files.Count - 1)], plane.Geometry);
            return null;
        };
    }

    /// <summary>Resolves SEG segments through Segmentations read with <see cref="SegmentationReader"/>: the frame (1-based;
    /// the segment's only frame when none is given) as a <see cref="MaskRoi"/> on its plane.</summary>
    public static Func<string, int?, int?, string, RoiRole, RoiShape?> SegmentsOf(IReadOnlyList<SegmentationObject> segmentations)
    {
        ArgumentNullException.ThrowIfNull(segmentations);
        return (uid, number, frame, name, role) =>
        {
            var seg = segmentations.FirstOrDefault(s => s.SopInstanceUid == uid);
            if (seg is null) return null;
            var frames = seg.Frames.Where(f => (number is null || f.SegmentNumber == number) && (frame is null || f.FrameIndex == frame.Value - 1)).ToList();
            if (frames.Count != 1) return null;
            var p = frames[0].ImagePositionPatientMm;
            return new MaskRoi(name, role, seg.Rows, seg.Columns, frames[0].PixelIndices) { PlaneOriginMm = p is { Count: 3 } ? new RoiPoint(p[0], p[1], p[2]) : null };
        };
    }

    /// <summary>Resolves images through a scanned folder (the exam the SR was made on).</summary>
    public static Func<string, int?, ResolvedImage?> ImagesOf(ImageCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var frames = catalog.AllSeries.SelectMany(s => s.Acquisitions.Select(a => (s, a))).SelectMany(x => x.a.FrameReferences.Select(f => (f, x.a))).ToList();
        var uidOfPath = new Dictionary<string, string>(StringComparer.Ordinal);
        string Uid(string path) => uidOfPath.TryGetValue(path, out var u) ? u
            : uidOfPath[path] = DicomFile.Open(path, new DicomReadOptions { ReadPixelData = false }).Dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) ?? "";
        return (uid, frame) =>
        {
            foreach (var (f, a) in frames)
            {
                if ((frame is null || f.FrameIndex == frame.Value - 1) && Uid(f.Path) == uid
                    && f.Info is { ImagePositionPatientMm.Count: 3, ImageOrientationPatient.Count: 6, PixelSpacingMm.Count: 2 } info)
                    return new ResolvedImage(f.Path, new ImageGeometry(a.Rows, a.Columns, Vector3Mm.From(info.ImagePositionPatientMm!),
                        Vector3Mm.From(info.ImageOrientationPatient!).Normalized(), Vector3Mm.From(info.ImageOrientationPatient!, 3).Normalized(),
                        info.PixelSpacingMm![0], info.PixelSpacingMm[1], info.SliceThicknessMm ?? double.NaN));
            }
            return null;
        };
    }
}
