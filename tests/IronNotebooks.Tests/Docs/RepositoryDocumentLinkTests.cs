using System.Text.RegularExpressions;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Docs;

/// <summary>
/// Provenance must be followable from a clone: every file under lib/, notebooks/ and datasets/ cites the repository's own
/// docs (docs/methods.md §N, docs/architecture.md, docs/contributing.md), never a document outside the repository, and
/// every cited docs/ file and § section exists.
/// </summary>
public sealed partial class RepositoryDocumentLinkTests
{
    private static readonly string[] ScannedFolders = ["lib", "notebooks", "datasets"];
    private static readonly string[] TextExtensions = [".cs", ".md", ".ipynb", ".dib", ".csv", ".json", ".csproj", ".props", ".py", ".R", ".sh", ".txt"];

    [GeneratedRegex(@"(?<![\w/.-])(domain|style|notebooks|architecture)\.md|shared/docs/")]
    private static partial Regex OutsideDocument();

    [GeneratedRegex(@"(?<![\w/.-])docs/([\w-]+\.md)`?(?:\s*§\s*(\d+(?:\.\d+)?))?")]
    private static partial Regex DocsCitation();

    [Fact]
    public void LibNotebooksAndDatasets_CiteOnlyDocumentsAndSectionsThatExistInTheRepository()
    {
        var findings = new List<string>();
        foreach (string folder in ScannedFolders)
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, folder), "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(TestPaths.RepositoryRoot, file).Replace('\\', '/');
                if (relative.Contains("/bin/") || relative.Contains("/obj/") || !TextExtensions.Contains(Path.GetExtension(file))) continue;
                findings.AddRange(Check(relative, File.ReadAllText(file), TestPaths.RepositoryRoot));
            }
        }
        Assert.True(findings.Count == 0, $"{findings.Count} broken document reference(s):\n" + string.Join("\n", findings.Take(50)));
    }

    [Theory]
    [InlineData("// see domain.md §3", "outside the repository")]
    [InlineData("// see ../shared/docs/domain.md §2", "outside the repository")]
    [InlineData("/// (style.md §15)", "outside the repository")]
    [InlineData("// docs/methods.md §42", "no section §42")]
    [InlineData("// docs/methods.md §2.9", "no section §2.9")]
    [InlineData("// docs/nowhere.md", "does not exist")]
    public void Check_BrokenReference_IsReportedWithFileAndLine(string line, string expected)
    {
        var findings = Check("lib/X.cs", "first line\n" + line + "\n", TestPaths.RepositoryRoot);
        var finding = Assert.Single(findings);
        Assert.Contains("lib/X.cs:2", finding);
        Assert.Contains(expected, finding);
    }

    [Theory]
    [InlineData("// docs/methods.md §2.4: spoiled GRE")]
    [InlineData("\"status tags from `docs/methods.md` §3\"")]
    [InlineData("// docs/architecture.md (Notebooks); docs/contributing.md house rule 15; README.md")]
    public void Check_ReferenceToAnExistingSection_IsAccepted(string line) =>
        Assert.Empty(Check("notebooks/x.ipynb", line, TestPaths.RepositoryRoot));

    /// <summary>Broken references in one file's text, each as "path:line: reason".</summary>
    internal static IEnumerable<string> Check(string relativePath, string text, string repositoryRoot)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (Match m in OutsideDocument().Matches(lines[i]))
                yield return $"{relativePath}:{i + 1}: '{m.Value}' is a document outside the repository; cite docs/methods.md §N (or docs/architecture.md, docs/contributing.md)";
            foreach (Match m in DocsCitation().Matches(lines[i]))
            {
                string doc = Path.Combine(repositoryRoot, "docs", m.Groups[1].Value);
                if (!File.Exists(doc))
                {
                    yield return $"{relativePath}:{i + 1}: docs/{m.Groups[1].Value} does not exist";
                    continue;
                }
                if (m.Groups[2].Success && !HasSection(doc, m.Groups[2].Value))
                    yield return $"{relativePath}:{i + 1}: docs/{m.Groups[1].Value} has no section §{m.Groups[2].Value}";
            }
        }
    }

    private static bool HasSection(string docPath, string section) =>
        File.ReadLines(docPath).Any(l => Regex.IsMatch(l, @"^#{2,4} " + Regex.Escape(section) + @"[ .]"));
}
