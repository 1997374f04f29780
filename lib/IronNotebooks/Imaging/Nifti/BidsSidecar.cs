using System.Text.Json;

namespace IronNotebooks.Imaging.Nifti;

/// <summary>
/// The fields of a BIDS JSON sidecar (as dcm2niix writes it) that the project reads. Times are in seconds, as BIDS
/// specifies; convert with × 1000 for ms.
/// </summary>
public sealed record BidsSidecar(string Path, double? EchoTimeSeconds, double? RepetitionTimeSeconds, double? FlipAngleDeg,
    double? MagneticFieldStrengthT, string? Manufacturer, string? SeriesDescription, int? SeriesNumber)
{
    /// <summary>The sidecar of an image file: same name with .json instead of .nii / .nii.gz.</summary>
    /// <exception cref="ImagingException">No sidecar, or invalid JSON.</exception>
    public static BidsSidecar ForImage(string imagePath)
    {
        var stem = imagePath.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? imagePath[..^7]
            : imagePath.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) ? imagePath[..^4] : imagePath;
        var path = stem + ".json";
        if (!File.Exists(path)) throw new ImagingException("No BIDS sidecar (.json) beside the NIfTI file", imagePath);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            double? Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new BidsSidecar(path, Number("EchoTime"), Number("RepetitionTime"), Number("FlipAngle"), Number("MagneticFieldStrength"),
                Text("Manufacturer"), Text("SeriesDescription"), Number("SeriesNumber") is { } n ? (int)n : null);
        }
        catch (JsonException e) { throw new ImagingException($"Invalid JSON: {e.Message}", path, e); }
    }
}
