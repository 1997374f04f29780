using System.Text.Json;
using System.Text.Json.Nodes;
using IronNotebooks.Dicom.Tests.Support;
using Xunit.Sdk;

namespace IronNotebooks.Tests.Relaxometry;

/// <summary>
/// A small approval (golden-file) check for CLI JSON (Verify's core package is not served by the project's NuGet feed).
/// The JSON is normalised first so that the approved file pins the shape: every key, the type of every value, and the
/// strings (models, statuses, warnings' wording); numbers become "&lt;number&gt;", absolute paths "&lt;path&gt;" and the
/// engines' free-text exit reason "&lt;text&gt;". The numbers
/// themselves are checked separately in each test against hand-computed or published values. On a mismatch the
/// normalised output is written to Approved/NAME.received.json beside Approved/NAME.approved.json and the test fails
/// with the first differing line; to accept a deliberate change, review it and rename received → approved.
/// </summary>
internal static class Approvals
{
    private static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "IronNotebooks.Tests", "Relaxometry", "Approved");

    public static void VerifyJson(string json, string name)
    {
        var node = JsonNode.Parse(json) ?? throw new XunitException($"{name}: the output is not JSON.");
        string normalised = Normalise(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
        VerifyText(normalised, name, ".json");
    }

    /// <summary>Approves plain text (already normalised by the caller) as Approved/NAME{extension}.</summary>
    public static void VerifyText(string text, string name, string extension)
    {
        text = text.ReplaceLineEndings("\n");
        string approved = Path.Combine(Folder, name + ".approved" + extension), received = Path.Combine(Folder, name + ".received" + extension);
        string? expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : null;
        if (expected == text)
        {
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(Folder);
        File.WriteAllText(received, text);
        throw new XunitException(expected is null
            ? $"{name}: no approved file yet. Review {received} and rename it to {Path.GetFileName(approved)}."
            : $"{name}: output differs from {approved}.\n{FirstDifference(expected, text)}\nReceived: {received}. If the change is intended, review it and rename it to the approved file.");
    }

    // Free-text diagnostics of the iterative engines (which stopping rule fired first) are not part of the contract.
    private static readonly HashSet<string> FreeText = ["exitReason"];

    private static JsonNode? Normalise(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key,
            FreeText.Contains(kv.Key) && kv.Value is not null ? JsonValue.Create("<text>") : Normalise(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalise).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create("<number>"),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && Path.IsPathRooted(v.GetValue<string>()) => JsonValue.Create("<path>"),
        null => null,
        _ => node.DeepClone(),
    };

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of file>", al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"line {i + 1}:\n  approved: {el}\n  received: {al}";
        }
        return "(line endings only)";
    }
}
