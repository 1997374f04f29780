using System.Globalization;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>An ROI set read from a Segmentation, and how its frames were placed on the exam.</summary>
public sealed record SegmentationImportResult
{
    /// <summary>The ROIs: one mask per segment per plane.</summary>
    public required RoiSet Set { get; init; }

    /// <summary>
    /// How frames were matched to the exam: "sopInstance" (through the referenced SOP Instance UIDs), "planePosition"
    /// (Image Position (Patient) in the same Frame of Reference), or "none" when no exam was given.
    /// </summary>
    public required string Matching { get; init; }

    /// <summary>The exam series the frames were matched to, or null.</summary>
    public string? SeriesInstanceUid { get; init; }

    /// <summary>Roles that had to default to Other, fractional thresholds, odd files: what a reader should know.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>
/// DICOM Segmentation → ROI set (docs/methods.md §6.4): every frame becomes a <see cref="MaskRoi"/> of its segment on
/// its plane, named after the Segment Label (with the slice position when a segment spans several planes), its role
/// from the segment's codes (<see cref="RoiRoleCodes"/>; Other when no role matches). With an exam, each frame is
/// matched to a plane of the exam's series through the SOP Instance UIDs it references or, failing that, by Image
/// Position (Patient) in the same Frame of Reference, and must have that plane's grid (no resampling); a Segmentation
/// of another exam is refused naming its UIDs.
/// </summary>
public static class SegmentationImport
{
    /// <summary>Reads the segmentation into ROIs, placed on <paramref name="exam"/>'s series when given.</summary>
    /// <param name="seg">The segmentation read.</param>
    /// <param name="exam">The exam's series (any of them may be the source), or null to keep the segmentation's own planes.</param>
    /// <param name="examFolder">The exam folder, for the reference image's relative path.</param>
    /// <exception cref="InterchangeException">The segmentation does not belong to the exam, or its frames cannot be mapped onto the exam's planes.</exception>
    public static SegmentationImportResult ToRoiSet(SegmentationObject seg, IReadOnlyList<SourceSeries>? exam = null, string? examFolder = null)
    {
        Guard.NotNull(seg);
        var notes = new List<string>(seg.Warnings);
        if (seg.FractionalThreshold is { } t)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"FRACTIONAL segmentation: a pixel is inside at or above {t:0.##} of the Maximum Fractional Value"));
        var frames = seg.Frames.Where(f => f.PixelIndices.Count > 0).ToList();
        if (frames.Count < seg.Frames.Count) notes.Add($"{seg.Frames.Count - frames.Count} empty frame(s) skipped");
        if (frames.Count == 0) throw new InterchangeException("the segmentation has no frame with a pixel inside any segment.", seg.FilePath);

        // Plane of each frame: the exam's, or the segmentation's own.
        var placed = new List<(SegmentationFrameRead Frame, Vector3Mm? Origin, int Rows, int Columns, string? File)>();
        string matching = "none";
        SourceSeries? matchedSeries = null;
        if (exam is null)
        {
            foreach (var f in frames)
                placed.Add((f, f.ImagePositionPatientMm is { } p ? Vector3Mm.From(p) : null, seg.Rows, seg.Columns, null));
            if (frames.Any(f => f.ImagePositionPatientMm is null)) notes.Add("frames without Image Position (Patient): their masks apply to any plane of the same matrix");
        }
        else
        {
            (matchedSeries, matching) = MatchSeries(seg, frames, exam);
            foreach (var f in frames)
            {
                var plane = PlaneOf(seg, f, matchedSeries, matching);
                CheckGrid(seg, f, plane, matchedSeries);
                placed.Add((f, plane.Geometry.OriginMm, plane.Geometry.Rows, plane.Geometry.Columns, plane.Files[0]));
            }
        }

        var rois = new List<RoiShape>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var labelCounts = seg.Segments.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Count());
        foreach (var segment in seg.Segments)
        {
            var mine = placed.Where(p => p.Frame.SegmentNumber == segment.Number).OrderBy(p => SliceLocation(p.Origin, p.Frame)).ToList();
            if (mine.Count == 0) { notes.Add($"segment {segment.Number} '{segment.Label}' has no pixel in any frame: no ROI"); continue; }
            if (!RoiRoleCodes.TryGetRole(segment.Type, segment.TypeModifier, out var role))
                notes.Add($"segment {segment.Number} '{segment.Label}' is coded {Describe(segment.Type)}{(segment.TypeModifier is { } m ? " with modifier " + Describe(m) : "")}, which is no ROI role: imported as Other");
            string label = labelCounts[segment.Label] > 1 ? $"{segment.Label} (segment {segment.Number})" : segment.Label;
            foreach (var p in mine)
            {
                string name = mine.Count == 1 ? label
                    : string.Create(CultureInfo.InvariantCulture, $"{label} @ {SliceLocation(p.Origin, p.Frame):0.##} mm");
                for (int k = 2; !names.Add(name); k++) name = $"{name} #{k}";
                rois.Add(new MaskRoi(name, role, p.Rows, p.Columns, p.Frame.PixelIndices)
                    { PlaneOriginMm = p.Origin is { } o ? new RoiPoint(o.X, o.Y, o.Z) : null });
            }
        }

        // A reference image only when every mask lies on one plane of the exam (the exam's measurement then chooses that slice).
        var files = placed.Select(p => p.File).Distinct().ToList();
        string? referenceImage = files.Count == 1 && files[0] is { } only
            ? (examFolder is null ? only : Path.GetRelativePath(examFolder, only)) : null;
        string description = $"Imported from DICOM Segmentation '{Path.GetFileName(seg.FilePath)}' (SOP Instance UID {seg.SopInstanceUid}{(seg.Creator.Length > 0 ? ", made by " + seg.Creator : "")}): "
            + $"{seg.Segments.Count} segment(s), {frames.Count} frame(s)"
            + (matchedSeries is null ? "" : $", matched to series {matchedSeries.Series.SeriesNumber} ({matchedSeries.Series.SeriesInstanceUid}) by {matching}");
        return new SegmentationImportResult
        {
            Set = new RoiSet(description, referenceImage, rois) { FrameOfReferenceUid = matchedSeries?.FrameOfReferenceUid ?? seg.FrameOfReferenceUid },
            Matching = matching,
            SeriesInstanceUid = matchedSeries?.Series.SeriesInstanceUid,
            Notes = notes,
        };
    }

    private static (SourceSeries Series, string Matching) MatchSeries(SegmentationObject seg, IReadOnlyList<SegmentationFrameRead> frames, IReadOnlyList<SourceSeries> exam)
    {
        var referenced = frames.SelectMany(f => f.SourceImages).Select(s => s.SopInstanceUid)
            .Concat(seg.ReferencedSeries.SelectMany(r => r.Instances).Select(i => i.SopInstanceUid)).ToHashSet(StringComparer.Ordinal);
        var byInstance = exam.FirstOrDefault(s => s.Planes.Any(p => p.SourceImages.Any(i => referenced.Contains(i.SopInstanceUid))));
        if (byInstance is not null)
        {
            if (seg.FrameOfReferenceUid is { } fr && fr != byInstance.FrameOfReferenceUid)
                throw new InterchangeException($"the segmentation references images of series {byInstance.Series.SeriesInstanceUid} but is on Frame of Reference {fr}, not the series' {byInstance.FrameOfReferenceUid}.", seg.FilePath);
            return (byInstance, "sopInstance");
        }
        var sameFrame = exam.Where(s => s.FrameOfReferenceUid == seg.FrameOfReferenceUid).ToList();
        var fit = sameFrame.FirstOrDefault(s => frames.All(f => f.ImagePositionPatientMm is { } p && s.PlaneAt(Vector3Mm.From(p)) is not null));
        if (fit is not null) return (fit, "planePosition");
        string seriesUids = seg.ReferencedSeries.Count > 0 ? string.Join(", ", seg.ReferencedSeries.Select(r => r.SeriesInstanceUid)) : "(none)";
        if (sameFrame.Count == 0)
            throw new InterchangeException($"the segmentation does not belong to this exam: it is on Frame of Reference {seg.FrameOfReferenceUid ?? "(none)"} and references series {seriesUids}, "
                + $"none of whose images are in the exam (the exam's frames of reference: {string.Join(", ", exam.Select(s => s.FrameOfReferenceUid).Distinct())}).", seg.FilePath);
        throw new InterchangeException($"the segmentation shares Frame of Reference {seg.FrameOfReferenceUid} with the exam, but references none of its images (series {seriesUids}) and its frames lie on no plane of any of its series: its geometry cannot be mapped.", seg.FilePath);
    }

    private static SourcePlane PlaneOf(SegmentationObject seg, SegmentationFrameRead f, SourceSeries series, string matching)
    {
        // A reference with a frame number names one frame of a multi-frame file; without one it names a whole
        // image, which is conclusive only when that image lies on a single plane (an enhanced file spans them all).
        var uids = f.SourceImages.Select(s => s.SopInstanceUid).ToHashSet(StringComparer.Ordinal);
        var byFrame = series.Planes.Where(p => p.SourceImages.Any(i => f.SourceImages.Any(s => s.FrameNumber is not null && s == i))).ToList();
        if (byFrame.Count == 1) return byFrame[0];
        var byUid = uids.Count == 0 ? [] : series.Planes.Where(p => p.SourceImages.Any(i => uids.Contains(i.SopInstanceUid))).ToList();
        if (byFrame.Count == 0 && byUid.Count == 1) return byUid[0];
        if (f.ImagePositionPatientMm is { } position && series.PlaneAt(Vector3Mm.From(position)) is { } byPosition) return byPosition;
        throw new InterchangeException($"frame {f.FrameIndex + 1} (segment {f.SegmentNumber}) matches no plane of series {series.Series.SeriesInstanceUid}: "
            + (uids.Count > 0 ? $"its source images ({string.Join(", ", uids)}) are not in the exam" : "it references no source image")
            + (f.ImagePositionPatientMm is { } q ? string.Create(CultureInfo.InvariantCulture, $" and its position ({q[0]:0.###}, {q[1]:0.###}, {q[2]:0.###}) mm is on no plane") : " and it has no position")
            + $" (series matched by {matching}).", seg.FilePath);
    }

    /// <summary>The frame must have the plane's grid: same matrix, spacing and orientation (no resampling is done).</summary>
    private static void CheckGrid(SegmentationObject seg, SegmentationFrameRead f, SourcePlane plane, SourceSeries series)
    {
        var g = plane.Geometry;
        bool sameMatrix = seg.Rows == g.Rows && seg.Columns == g.Columns;
        bool sameSpacing = f.PixelSpacingMm is not { } s || (Math.Abs(s[0] - g.RowSpacingMm) < 1e-3 && Math.Abs(s[1] - g.ColumnSpacingMm) < 1e-3);
        bool sameOrientation = f.ImageOrientationPatient is not { } o
            || ((Vector3Mm.From(o).Normalized() - g.RowDirection).Length < 1e-4 && (Vector3Mm.From(o, 3).Normalized() - g.ColumnDirection).Length < 1e-4);
        bool sameOrigin = f.ImagePositionPatientMm is not { } p || (Vector3Mm.From(p) - g.OriginMm).Length < 0.5 * Math.Min(g.RowSpacingMm, g.ColumnSpacingMm);
        if (!(sameMatrix && sameSpacing && sameOrientation && sameOrigin))
            throw new InterchangeException(string.Create(CultureInfo.InvariantCulture,
                $"frame {f.FrameIndex + 1} (segment {f.SegmentNumber}) is a {seg.Columns}×{seg.Rows} grid{(f.PixelSpacingMm is { } sp ? $" of {sp[1]:0.###}×{sp[0]:0.###} mm" : "")}"
                + $" but plane {plane.Index} of series {series.Series.SeriesInstanceUid} is {g.Columns}×{g.Rows} of {g.ColumnSpacingMm:0.###}×{g.RowSpacingMm:0.###} mm"
                + $"{(sameOrientation ? "" : " in another orientation")}{(sameOrigin ? "" : " with another origin")}: its geometry cannot be mapped without resampling, which is not done."), seg.FilePath);
    }

    private static double SliceLocation(Vector3Mm? origin, SegmentationFrameRead f)
    {
        if (origin is not { } o) return f.FrameIndex;
        if (f.ImageOrientationPatient is not { } io) return o.Z;
        var normal = Vector3Mm.From(io).Cross(Vector3Mm.From(io, 3)).Normalized();
        return o.Dot(normal);
    }

    private static string Describe(DicomCode c) => $"({c.Value}, {c.Scheme}, \"{c.Meaning}\")";
}
