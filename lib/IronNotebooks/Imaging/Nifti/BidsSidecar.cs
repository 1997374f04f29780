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
    /// <exception cref="ImagingException">No sidecar, invalid JSON, or a numeric field (EchoTime, …) given as text or another kind.</exception>
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
            if (root.ValueKind != JsonValueKind.Object)
                throw new ImagingException($"A BIDS sidecar is a JSON object; this file holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}", path);
            double? Number(string name)
            {
                if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
                if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
                // A present field of the wrong kind is an error, not "no EchoTime": say what it holds.
                throw new ImagingException($"{name} is {(v.ValueKind == JsonValueKind.String ? $"the string \"{v.GetString()}\"" : $"a JSON {v.ValueKind.ToString().ToLowerInvariant()}")}; BIDS gives it as a number{(name.EndsWith("Time", StringComparison.Ordinal) ? " in seconds" : "")}",
                    new ErrorContext { FilePath = path, Tag = name });
            }
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new BidsSidecar(path, Number("EchoTime"), Number("RepetitionTime"), Number("FlipAngle"), Number("MagneticFieldStrength"),
                Text("Manufacturer"), Text("SeriesDescription"), Number("SeriesNumber") is { } n ? (int)n : null);
        }
        catch (JsonException e) { throw new ImagingException($"Invalid JSON: {e.Message}", path, e); }
    }
}
