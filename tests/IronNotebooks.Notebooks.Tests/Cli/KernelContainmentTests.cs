using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Running;
using Xunit;
using static IronNotebooks.Notebooks.Tests.Support.Notebooks;

namespace IronNotebooks.Notebooks.Tests.Cli;

/// <summary>
/// Issue 13, defect 5: a cell that ends the process used to end `ironnb run`/`reproduce` silently (no executed notebook,
/// no report, no JSON). The kernel now runs in a child process; each way of dying is contained and named.
/// </summary>
public class KernelContainmentTests
{
    public static TheoryData<string, string, string> WaysToDie() => new()
    {
        { "exit", "Environment.Exit(3);", "exit code 3" },
        { "thread", "using System.Threading;\nnew Thread(() => throw new InvalidOperationException(\"boom on a thread\")).Start();\nThread.Sleep(30_000);",
            "Unhandled exception. System.InvalidOperationException: boom on a thread" },
        { "failfast", "Environment.FailFast(\"the cell gave up\");", "Process terminated. the cell gave up" },
        { "stack", "int Down(int n) => Down(n + 1) + 1;\nDown(0)", "Stack overflow" },
    };

    [Theory]
    [MemberData(nameof(WaysToDie))]
    public void Run_CellEndsTheKernelProcess_WritesNotebookReportAndJsonNamingTheCell(string name, string deadlyCell, string how)
    {
        string dir = TempFolder();
        string nb = Path.Combine(dir, name + ".ipynb");
        NotebookFile.Save(Of("Console.WriteLine(\"before\");\n6 * 7", deadlyCell, "\"after\""), nb);
        string executed = Path.Combine(dir, "out", name + ".ipynb"), report = Path.Combine(dir, "out", name + ".html");

        var (code, output, error) = CliHarness.Run("run", nb, "--out", executed, "--html", report, "--json");

        Assert.Equal(1, code);
        Assert.Contains($"error: {name}.ipynb: cell 2 failed (`{deadlyCell.Split('\n')[0]}", error);
        Assert.Contains(how, error);
        Assert.Contains($"error: {name}.ipynb: cell 3 was not run (`\"after\"`) because cell 2", error);
        using var json = JsonDocument.Parse(output);
        var cells = json.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(["succeeded", "failed", "notRun"], cells.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(IsolatedNotebookRunner.KernelProcessEnded, cells[1].GetProperty("eName").GetString());
        Assert.StartsWith("cell 2 (", json.RootElement.GetProperty("kernelEnded").GetString());
        var written = NotebookFile.Load(executed).Cells;
        Assert.Equal(new StreamOutput("stdout", "before\n"), written[0].Outputs[0]);
        Assert.Equal("42", ((DisplayOutput)written[0].Outputs[1]).Data["text/plain"]);
        Assert.Contains(how, Assert.IsType<ErrorOutput>(Assert.Single(written[1].Outputs)).EValue);
        Assert.Empty(written[2].Outputs);
        string html = File.ReadAllText(report);
        Assert.Contains("Cell 2 failed", html);
        Assert.Contains("The kernel ended early", html);
    }

    [Fact]
    public void Reproduce_NotebookThatExits_GoesOnWithTheNextNotebook()
    {
        string dir = TempFolder(), notebooks = Path.Combine(dir, "notebooks"), outDir = Path.Combine(dir, "out");
        Directory.CreateDirectory(notebooks);
        NotebookFile.Save(Of("Environment.Exit(3);"), Path.Combine(notebooks, "a-exits.ipynb"));
        NotebookFile.Save(Of("1 + 1"), Path.Combine(notebooks, "b-fine.ipynb"));

        var (code, output, error) = CliHarness.Run("reproduce", "--notebooks", notebooks, "--out", outDir, "--json");

        Assert.Equal(1, code);
        Assert.Contains("error: a-exits.ipynb: cell 1 failed", error);
        using var json = JsonDocument.Parse(output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([false, true], runs.Select(r => r.GetProperty("succeeded").GetBoolean()));
        foreach (var file in new[] { "a-exits.ipynb", "a-exits.html", "b-fine.ipynb", "b-fine.html" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
    }

    [Fact]
    public void Run_CellPrinting200000LinesToStderr_KeepsHeadAndTailAndSaysHowManyLinesWereCut()
    {
        string dir = TempFolder();
        string nb = Path.Combine(dir, "spam.ipynb");
        NotebookFile.Save(Of("for (int i = 0; i < 200_000; i++) Console.Error.WriteLine($\"line {i}\");"), nb);
        string executed = Path.Combine(dir, "spam.out.ipynb"), report = Path.Combine(dir, "spam.html");

        var (code, _, _) = CliHarness.Run("run", nb, "--out", executed, "--html", report);

        Assert.Equal(0, code);
        var stderr = Assert.IsType<StreamOutput>(Assert.Single(NotebookFile.Load(executed).Cells[0].Outputs));
        var lines = stderr.Text.TrimEnd('\n').Split('\n');
        Assert.Equal("line 0", lines[0]);
        Assert.Equal("line 999", lines[999]);
        Assert.StartsWith("… 198,800 lines truncated", lines[1000]);
        Assert.Equal("line 199800", lines[1001]);
        Assert.Equal("line 199999", lines[^1]);
        Assert.True(new FileInfo(executed).Length < 100_000, $"{new FileInfo(executed).Length} bytes"); // was 21 MB
    }
}
