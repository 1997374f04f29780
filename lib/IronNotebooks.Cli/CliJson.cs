using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IronNotebooks.Cli;

/// <summary>The one JSON setting of the command line: camelCase keys, enums as camelCase strings, numbers as numbers, nulls kept, indented.</summary>
public static class CliJson
{
    /// <summary>Serializer options for every `--json` output.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Terminal and file output, never embedded in HTML: keep >, <, & and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serializes a report.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
