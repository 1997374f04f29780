using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Notebooks.Documents;
using Xunit;
using static IronNotebooks.Notebooks.Tests.Support.Notebooks;

namespace IronNotebooks.Notebooks.Tests.Cli;

public class NotebookCommandsTests
{
    private static string Save(string folder, string name, params string[] cells)
    {
        string path = Path.Combine(folder, name);
        NotebookFile.Save(Of(cells), path);
        return path;
    }

    [Fact]
    public void Run_FailingCell_ExitsNonZeroNamingTheCellAndItsFirstLine()
    {
        string nb = Save(TempFolder(), "failing.ipynb", "var liver = 812.0;", "var ratio = liver / muscle;", "liver");

        var (code, output, error) = CliHarness.Run("run", nb);

        Assert.Equal(1, code);
        Assert.Contains("error: failing.ipynb: cell 2 failed (`var ratio = liver / muscle;`): CompilationError:", error);
        Assert.Contains("'muscle'", error);
        Assert.Contains("3 code cells, 2 without error, 1 failed", output);
    }

    [Fact]
    public void Run_StateAcrossCells_WritesTheExecutedNotebookWithOutputs()
    {
        string dir = TempFolder();
        string nb = Save(dir, "state.ipynb", "var te = new[] { 1.2, 2.4 };", "Console.WriteLine(te.Length);", "te.Sum()");
        string executed = Path.Combine(dir, "out", "state.executed.ipynb");

        var (code, _, error) = CliHarness.Run("run", nb, "--out", executed);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var cells = NotebookFile.Load(executed).Cells;
        Assert.Equal([1, 2, 3], cells.Select(c => c.ExecutionCount ?? 0));
        Assert.Equal(new StreamOutput("stdout", "2\n"), Assert.Single(cells[1].Outputs));
        Assert.Equal("3.5999999999999996", ((DisplayOutput)Assert.Single(cells[2].Outputs)).Data["text/plain"]); // 1.2 + 2.4 in binary floating point
    }

    [Fact]
    public void Run_Json_GivesCellsStatusesAndChecks()
    {
        string nb = Save(TempFolder(), "check.ipynb",
            "#r \"nuget: IronNotebooks, 0.1.0\"\nusing IronNotebooks.Reproduction;",
            "PublishedCheck.Compare(\"AUC\", 0.92, 0.9249, 0.005, \"Table 2\")",
            "PublishedCheck.Compare(\"cut-off\", 60, 75, 1, \"Table 3\", \"µmol/g\")");

        var (code, output, error) = CliHarness.Run("run", nb, "--json");

        Assert.Equal(1, code); // the second check differs
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("codeCells").GetInt32());
        Assert.Equal(0, root.GetProperty("failedCells").GetInt32());
        Assert.Equal(1, root.GetProperty("checksMatched").GetInt32());
        Assert.Equal(1, root.GetProperty("checksDiffering").GetInt32());
        var checks = root.GetProperty("checks");
        Assert.Equal("match", checks[0].GetProperty("verdict").GetString());
        Assert.Equal(2, checks[0].GetProperty("cell").GetInt32());
        Assert.Equal("differs", checks[1].GetProperty("verdict").GetString());
        Assert.Equal(75, checks[1].GetProperty("reproduced").GetDouble());
        Assert.Equal("succeeded", root.GetProperty("cells")[0].GetProperty("status").GetString());
        Assert.Contains("cell 3: check cut-off: published 60, reproduced 75 µmol/g (±1) → differs", error);
    }

    [Fact]
    public void Run_MissingNotebook_IsBadInput()
    {
        var (code, _, error) = CliHarness.Run("run", "/no/such/notebook.ipynb");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Run_UnparseableNotebook_IsBadInputNamingTheFile()
    {
        string path = Path.Combine(TempFolder(), "broken.ipynb");
        File.WriteAllText(path, "{ \"nbformat\": 4, ");

        var (code, _, error) = CliHarness.Run("run", path);

        Assert.Equal(2, code);
        Assert.Contains("broken.ipynb: Not a JSON notebook", error);
    }

    [Fact]
    public void Run_Timeout_FailsTheCellAndLeavesLaterCellsUnrun()
    {
        string nb = Save(TempFolder(), "slow.ipynb", "System.Threading.Thread.Sleep(3000);", "1");

        var (code, _, error) = CliHarness.Run("run", nb, "--timeout", "0.3");

        Assert.Equal(1, code);
        Assert.Contains("cell 1 failed (`System.Threading.Thread.Sleep(3000);`): TimeoutException", error);
        Assert.Contains("cell 2 was not run", error);
    }

    [Fact]
    public void Reproduce_Folder_RunsEachNotebookWritesOutputsAndSummarises()
    {
        string dir = TempFolder();
        string notebooks = Path.Combine(dir, "notebooks");
        Directory.CreateDirectory(notebooks);
        Save(notebooks, "a.ipynb", "#r \"nuget: IronNotebooks, 0.1.0\"", "IronNotebooks.Reproduction.PublishedCheck.Compare(\"q\", 1, 1, 0, \"src\")");
        Save(notebooks, "b.ipynb", "throw new Exception(\"x\");");
        string outDir = Path.Combine(dir, "out");

        var (code, output, error) = CliHarness.Run("reproduce", "--notebooks", notebooks, "--out", outDir, "--json");

        Assert.Equal(1, code);
        Assert.Contains("error: b.ipynb: cell 1 failed (`throw new Exception(\"x\");`): System.Exception: x", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("notebooks").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("failedNotebooks").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("checks").GetInt32());
        Assert.True(File.Exists(Path.Combine(outDir, "a.ipynb")));
        Assert.True(File.Exists(Path.Combine(outDir, "a.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "b.html")));
    }

    [Fact]
    public void Reproduce_TextSummary_HasOneRowPerNotebookAndTheChecks()
    {
        string dir = TempFolder();
        Save(dir, "only.ipynb", "#r \"nuget: IronNotebooks\"", "IronNotebooks.Reproduction.PublishedCheck.Compare(\"sensitivity\", 0.89, 0.888, 0.005, \"Gandon 2004\")");

        var (code, output, _) = CliHarness.Run("reproduce", "--notebooks", dir, "--out", Path.Combine(dir, "out"));

        Assert.Equal(0, code);
        Assert.Matches(@"only\.ipynb\s+2\s+0\s+1\s+0\s", output);
        // The reviewer's table: notebook (cell), quantity, published, reproduced, unit, tolerance, verdict, numbered source.
        Assert.Matches(@"notebook \(cell\)\s+published quantity\s+published\s+reproduced\s+unit\s+tolerance\s+verdict\s+source", output);
        Assert.Matches(@"only #2\s+sensitivity\s+0\.89\s+0\.888\s+±0\.005\s+match\s+\[1\]", output);
        Assert.Contains("[1] Gandon 2004", output);
    }

    [Fact]
    public void Reproduce_FolderWithoutNotebooks_IsBadInput()
    {
        var (code, _, error) = CliHarness.Run("reproduce", "--notebooks", TempFolder());

        Assert.Equal(2, code);
        Assert.Contains("holds no .ipynb notebooks", error);
    }

    [Fact]
    public void Reproduce_CuratedNotebooksOfThisRepository_AllRunWithoutFailure()
    {
        string outDir = TempFolder();

        var (code, output, error) = CliHarness.Run("reproduce", "--notebooks", Path.Combine(TestPaths.RepositoryRoot, "notebooks"), "--out", outDir);

        Assert.True(code == 0, output + error);
    }
}
