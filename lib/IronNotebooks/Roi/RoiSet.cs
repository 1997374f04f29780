using System.Text.Json;
using System.Text.Json.Serialization;

namespace IronNotebooks.Roi;

/// <summary>
/// A reader's ROI placements, saved as JSON so they can be reviewed and rerun. The schema is versioned
/// (<see cref="Schema"/>, <see cref="Version"/>); a file from a newer version is refused rather than half-read.
/// </summary>
/// <param name="Description">Free text: reader, date, what the placements are for.</param>
/// <param name="ReferenceImage">Which image they were drawn on (file, series, slice), for review.</param>
/// <param name="Rois">The ROIs; names are unique.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record RoiSet(string Description, string? ReferenceImage, IReadOnlyList<RoiShape> Rois)
{
    /// <summary>The schema name written in every file.</summary>
    public const string SchemaName = "ironnotebooks/roi-set";

    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Schema name (always <see cref="SchemaName"/>).</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Schema version.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>
    /// DICOM Frame of Reference UID (0020,0052) of the exam the ROIs were placed on, when known (the ROI editor writes
    /// it), so a set opened on another exam is recognised instead of measuring the wrong anatomy. Optional in schema
    /// version 1: omitted from the file when null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FrameOfReferenceUid { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The ROI with a given name.</summary>
    /// <exception cref="KeyNotFoundException">No such ROI.</exception>
    public RoiShape this[string name] => Rois.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"No ROI named '{name}' in the set; names: {string.Join(", ", Rois.Select(r => r.Name))}.");

    /// <summary>Serializes to JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes to a file.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <summary>Reads JSON, checking schema, version and unique names.</summary>
    /// <exception cref="FormatException">Not an ROI set, a newer version, invalid JSON, or duplicate names; the message says which.</exception>
    public static RoiSet FromJson(string json, string? source = null)
    {
        string where = source is null ? "" : $" in '{source}'";
        RoiSet? set;
        try
        {
            using (var doc = JsonDocument.Parse(json))
            {
                var root = doc.RootElement;
                if (!root.TryGetProperty("schema", out var schema) || schema.GetString() != SchemaName)
                    throw new FormatException($"Not an ROI set{where}: \"schema\" must be \"{SchemaName}\".");
                if (!root.TryGetProperty("version", out var version) || version.GetInt32() > CurrentVersion || version.GetInt32() < 1)
                    throw new FormatException($"ROI set{where} has version {(root.TryGetProperty("version", out var v) ? v.ToString() : "(none)")}; this library reads version {CurrentVersion}.");
            }
            set = JsonSerializer.Deserialize<RoiSet>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid ROI set JSON{where} at {e.Path} (line {e.LineNumber}): {e.Message}", e);
        }
        if (set is null || set.Rois is null) throw new FormatException($"ROI set{where} has no \"rois\".");
        var duplicate = set.Rois.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"ROI set{where} has two ROIs named '{duplicate.Key}'.");
        return set;
    }

    /// <summary>Reads a file.</summary>
    public static RoiSet Load(string path) => FromJson(File.ReadAllText(path), path);
}
