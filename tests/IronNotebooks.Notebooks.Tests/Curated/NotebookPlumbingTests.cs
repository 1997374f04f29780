using System.Text.Json;
using System.Text.RegularExpressions;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Notebooks.Tests.Curated;

/// <summary>
/// Issue 17's teaching rule for the curated notebooks: no plumbing a resident has to read past. The repository and
/// scratch folders come from the library (PublishedData, WorkFolder), tables display through result types
/// (ResultTable and the library's results), numbers print with the BCL's Invariant, and no cell is a wall of code.
/// </summary>
public partial class NotebookPlumbingTests
{
    private const int MaxCodeLinesPerCell = 30;

    public static TheoryData<string> Notebooks() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "notebooks"), "*.ipynb").Select(p => Path.GetFileName(p)).Order()];

    [GeneratedRegex(@"IronNotebooks\.sln|GetTempPath|FormattableString \w+\)|PadRight|PadLeft|\{[^{}\s]+,-?\d+(:[^}]*)?\}")]
    private static partial Regex Plumbing();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CuratedNotebook_HasNoPlumbingAndNoWallOfCode(string name)
    {
        var cells = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "notebooks", name))).RootElement.GetProperty("cells");
        int index = 0;
        foreach (var cell in cells.EnumerateArray())
        {
            index++;
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            string source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            var match = Plumbing().Match(source);
            Assert.False(match.Success, $"{name} cell {index}: '{match.Value}' is plumbing (use PublishedData, WorkFolder, ResultTable, Invariant)");
            int lines = source.Split('\n').Length;
            Assert.True(lines <= MaxCodeLinesPerCell, $"{name} cell {index} has {lines} lines (at most {MaxCodeLinesPerCell}): split it");
        }
    }

    [Theory]
    [InlineData("string work = Path.Combine(Path.GetTempPath(), \"x\");")]
    [InlineData("string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);")]
    [InlineData("Console.WriteLine($\"{name,-18} {lic,6:0.0}\");")]
    [InlineData("if (File.Exists(Path.Combine(d.FullName, \"IronNotebooks.sln\"))) return d.FullName;")]
    public void Plumbing_CommonShapes_AreRecognised(string line) => Assert.Matches(Plumbing(), line);

    [Theory]
    [InlineData("Console.WriteLine(Invariant($\"{lic:0.0} µmol/g\"));")]
    [InlineData("var t = new Dictionary<(string Id, double Field), SimulatedExam>();")]
    public void Plumbing_OrdinaryCode_IsNotFlagged(string line) => Assert.DoesNotMatch(Plumbing(), line);
}
