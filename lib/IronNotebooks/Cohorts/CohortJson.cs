using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IronNotebooks.Cohorts;

/// <summary>The JSON settings of cohort files (journal, JSON Lines): camelCase keys and enums, one line per value, numbers in
/// shortest round-trip form (so a value read back prints to the same CSV bytes).</summary>
public static class CohortJson
{
    /// <summary>Serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
