using System.Text.RegularExpressions;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>A <c>#r</c>, <c>#i</c> or <c>#!</c> line of a cell, as the kernel understood it.</summary>
/// <param name="Line">One-based line in the cell.</param>
/// <param name="Kind">"r-nuget", "r-path", "i", or "magic".</param>
/// <param name="Name">Package id, path, source or magic command name.</param>
/// <param name="Version">Package version of <c>#r "nuget: Id, Version"</c>, or null.</param>
internal sealed record CellDirective(int Line, string Kind, string Name, string? Version);

/// <summary>
/// Splits the directives Polyglot Notebooks handles itself (<c>#r "nuget: Id, Version"</c>, <c>#r "path.dll"</c>,
/// <c>#i "nuget: source"</c>, <c>#!kernel</c> and magic lines) from the C# the compiler sees. Directive lines become
/// blank lines so compile errors keep the cell's own line numbers.
/// </summary>
internal static partial class CellDirectives
{
    public static (string Code, IReadOnlyList<CellDirective> Directives) Split(string source)
    {
        var lines = source.Split('\n');
        var directives = new List<CellDirective>();
        for (int i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (ReferenceLine().Match(t) is { Success: true } r)
            {
                string arg = r.Groups["arg"].Value.Trim();
                bool include = r.Groups["kw"].Value == "i";
                if (arg.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    string rest = arg["nuget:".Length..].Trim();
                    if (include) directives.Add(new CellDirective(i + 1, "i", rest, null));
                    else
                    {
                        var parts = rest.Split(',', 2, StringSplitOptions.TrimEntries);
                        directives.Add(new CellDirective(i + 1, "r-nuget", parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null));
                    }
                }
                else directives.Add(new CellDirective(i + 1, include ? "i" : "r-path", arg, null));
                lines[i] = "";
            }
            else if (t.StartsWith("#!", StringComparison.Ordinal))
            {
                directives.Add(new CellDirective(i + 1, "magic", t[2..].Split(' ', 2)[0], null));
                lines[i] = "";
            }
        }
        return (string.Join("\n", lines), directives);
    }

    [GeneratedRegex("""^#(?<kw>[ri])\s*"(?<arg>[^"]*)"\s*$""")]
    private static partial Regex ReferenceLine();
}
