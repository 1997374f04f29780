using IronNotebooks.Dicom.Imaging;

namespace IronNotebooks.Dicom.Inspection;

/// <summary>
/// What `ironnb dicom info` reports about one file: header facts the project uses and pixel statistics over all
/// frames, both as stored values and after the modality rescale (each frame with its own slope and intercept).
/// </summary>
public sealed record DicomFileSummary
{
    /// <summary>File path.</summary>
    public required string FilePath { get; init; }
    /// <summary>Transfer syntax UID.</summary>
    public required string TransferSyntaxUid { get; init; }
    /// <summary>Transfer syntax name.</summary>
    public required string TransferSyntaxName { get; init; }
    /// <summary>SOP Class UID (0008,0016).</summary>
    public string? SopClassUid { get; init; }
    /// <summary>Modality (0008,0060).</summary>
    public string? Modality { get; init; }
    /// <summary>Manufacturer (0008,0070).</summary>
    public string? Manufacturer { get; init; }
    /// <summary>Series Instance UID (0020,000E).</summary>
    public string? SeriesInstanceUid { get; init; }
    /// <summary>Rows, or null without pixel data.</summary>
    public int? Rows { get; init; }
    /// <summary>Columns.</summary>
    public int? Columns { get; init; }
    /// <summary>Number of frames.</summary>
    public int? Frames { get; init; }
    /// <summary>Samples per pixel.</summary>
    public int? SamplesPerPixel { get; init; }
    /// <summary>Bits allocated.</summary>
    public int? BitsAllocated { get; init; }
    /// <summary>Bits stored.</summary>
    public int? BitsStored { get; init; }
    /// <summary>Pixel representation (0 unsigned, 1 signed).</summary>
    public int? PixelRepresentation { get; init; }
    /// <summary>Photometric interpretation.</summary>
    public string? PhotometricInterpretation { get; init; }
    /// <summary>Echo time of each frame in ms (null entries where a frame has none).</summary>
    public IReadOnlyList<double?> EchoTimesMs { get; init; } = [];
    /// <summary>Repetition Time (0018,0080) in ms.</summary>
    public double? RepetitionTimeMs { get; init; }
    /// <summary>Flip Angle (0018,1314) in degrees.</summary>
    public double? FlipAngleDeg { get; init; }
    /// <summary>Magnetic Field Strength (0018,0087) in tesla.</summary>
    public double? FieldStrengthT { get; init; }
    /// <summary>Distinct (slope, intercept) pairs of the modality rescale over the frames.</summary>
    public IReadOnlyList<RescalePair> Rescales { get; init; } = [];
    /// <summary>Distinct Philips scale slopes (2005,100E) over the frames; empty when absent.</summary>
    public IReadOnlyList<double> PhilipsScaleSlopes { get; init; } = [];
    /// <summary>Stored-value statistics over all frames; null when pixels could not be read.</summary>
    public PixelStatistics? Stored { get; init; }
    /// <summary>Statistics after the modality rescale over all frames; null when pixels could not be read.</summary>
    public PixelStatistics? Rescaled { get; init; }
    /// <summary>True when the object has Pixel Data, Float Pixel Data or Double Float Pixel Data.</summary>
    public bool HasPixelData => Rows is not null;
    /// <summary>Why the pixels of an object that has them could not be decoded (unsupported transfer syntax, corrupt
    /// data); null when they were, or when there are none.</summary>
    public string? PixelError { get; init; }
    /// <summary>Reader diagnostics (recovered problems).</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    /// <summary>A modality rescale: output = stored × Slope + Intercept.</summary>
    public sealed record RescalePair(double Slope, double Intercept);

    /// <summary>
    /// Summarises an opened file. Pixel decoding errors (unsupported transfer syntax, corrupt data) are reported in
    /// <see cref="PixelError"/> with the statistics left null, so the header facts are still available.
    /// </summary>
    public static DicomFileSummary From(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ds = file.Dataset;
        var firstFrame = DicomFrameInfoReader.Read(ds, 1)[0];
        var summary = new DicomFileSummary
        {
            FilePath = file.FilePath ?? "",
            TransferSyntaxUid = file.TransferSyntax.Uid,
            TransferSyntaxName = file.TransferSyntax.Name,
            SopClassUid = ds.GetStringOrDefault(DicomTags.SOPClassUID),
            Modality = ds.GetStringOrDefault(DicomTags.Modality),
            Manufacturer = ds.GetStringOrDefault(DicomTags.Manufacturer),
            SeriesInstanceUid = ds.GetStringOrDefault(DicomTags.SeriesInstanceUID),
            RepetitionTimeMs = firstFrame.RepetitionTimeMs,
            FlipAngleDeg = firstFrame.FlipAngleDeg,
            FieldStrengthT = Optional(ds, DicomTags.MagneticFieldStrength),
            Diagnostics = [.. file.Diagnostics.Select(d => d.ToString())],
        };
        if (!ds.Contains(DicomTags.PixelData) && !ds.Contains(DicomTags.FloatPixelData) && !ds.Contains(DicomTags.DoubleFloatPixelData))
            return summary;

        var pixels = file.GetPixelData();
        var f = pixels.Format;
        summary = summary with
        {
            Rows = f.Rows, Columns = f.Columns, Frames = f.NumberOfFrames, SamplesPerPixel = f.SamplesPerPixel,
            BitsAllocated = f.BitsAllocated, BitsStored = f.BitsStored, PixelRepresentation = f.PixelRepresentation,
            PhotometricInterpretation = f.PhotometricInterpretation,
            EchoTimesMs = [.. pixels.Frames.Select(x => x.EchoTimeMs)],
            Rescales = [.. pixels.Frames.Select(x => new RescalePair(x.RescaleSlope, x.RescaleIntercept)).Distinct()],
            PhilipsScaleSlopes = [.. pixels.Frames.Where(x => x.PhilipsScaleSlope is not null).Select(x => x.PhilipsScaleSlope!.Value).Distinct()],
        };
        try
        {
            var stored = PixelStatistics.Start();
            var rescaled = PixelStatistics.Start();
            for (int i = 0; i < f.NumberOfFrames; i++)
            {
                var values = pixels.GetStoredValues(i);
                stored.Add(values);
                var info = pixels.Frames[i];
                for (int k = 0; k < values.Length; k++) values[k] = values[k] * info.RescaleSlope + info.RescaleIntercept;
                rescaled.Add(values);
            }
            return summary with { Stored = stored.ToStatistics(), Rescaled = rescaled.ToStatistics() };
        }
        catch (DicomException e) when (e is DicomUnsupportedTransferSyntaxException or DicomCodecException)
        {
            return summary with { PixelError = e.Message };
        }
    }

    private static double? Optional(DicomDataset ds, DicomTag tag) => ds.TryGetDouble(tag, out var v) ? v : null;
}
