using System.Text.Json.Nodes;
using IronNotebooks.Notebooks.Documents;
using Xunit;
using static IronNotebooks.Notebooks.Tests.Support.Notebooks;

namespace IronNotebooks.Notebooks.Tests.Documents;

public class IpynbFormatTests
{
    [Fact]
    public void Read_VsCodeSavedNotebook_GivesCellsKernelsAndEveryOutputType()
    {
        var nb = NotebookFile.Load(Fixture("vscode-saved.ipynb"));

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code, CellKind.Code], nb.Cells.Select(c => c.Kind));
        Assert.Equal("# Liver iron\n\nR2* of a **phantom**.", nb.Cells[0].Source);
        Assert.Equal("var echoes = 8;\nConsole.WriteLine($\"echoes: {echoes}\");\nConsole.WriteLine(\"done\");", nb.Cells[1].Source);
        Assert.Equal(["csharp", "csharp", "csharp", "pwsh"], nb.Cells.Skip(1).Select(c => c.KernelName));
        Assert.False(nb.Cells[4].IsCSharp);
        var stream = Assert.IsType<StreamOutput>(nb.Cells[1].Outputs[0]);
        Assert.Equal(("stdout", "echoes: 8\ndone\n"), (stream.Name, stream.Text));
        var display = Assert.IsType<DisplayOutput>(nb.Cells[1].Outputs[1]);
        Assert.False(display.IsResult);
        Assert.Equal("R2* = 30", display.Data["text/plain"]);
        var result = Assert.IsType<DisplayOutput>(nb.Cells[2].Outputs[0]);
        Assert.Equal(2, result.ExecutionCount);
        var error = Assert.IsType<ErrorOutput>(nb.Cells[3].Outputs[0]);
        Assert.Equal("Error", error.EName);
        Assert.Single(error.Traceback);
        Assert.Null(nb.Cells[4].ExecutionCount);
    }

    [Fact]
    public void WriteOfRead_VsCodeSavedNotebook_IsTheSameJson()
    {
        string original = File.ReadAllText(Fixture("vscode-saved.ipynb"));

        string written = IpynbFormat.Write(IpynbFormat.Read(original));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void WriteOfRead_VsCodeSavedNotebook_IsByteIdenticalBecauseKeysAreSortedWithOneSpaceIndent()
    {
        string original = File.ReadAllText(Fixture("vscode-saved.ipynb"));

        Assert.Equal(original, IpynbFormat.Write(IpynbFormat.Read(original)));
    }

    [Fact]
    public void Read_LegacyDotnetInteractiveNotebook_TakesKernelFromLanguageAndStringSources()
    {
        var nb = NotebookFile.Load(Fixture("legacy-dotnet-interactive.ipynb"));

        Assert.Equal("csharp", nb.Cells[0].KernelName);
        Assert.Equal("var a = 1;\nvar b = a + 1;", nb.Cells[0].Source);
        Assert.Equal("Two *lines*\nof prose.", nb.Cells[1].Source);
        Assert.All(nb.Cells, c => Assert.Null(c.Id));
    }

    [Fact]
    public void Write_LegacyNotebook_UpgradesToNbformat45WithIdsAndBothKernelKeys()
    {
        var nb = NotebookFile.Load(Fixture("legacy-dotnet-interactive.ipynb"));

        var json = JsonNode.Parse(IpynbFormat.Write(nb))!;

        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
        Assert.Equal("cell-0", json["cells"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("cell-1", json["cells"]![1]!["id"]!.GetValue<string>());
        Assert.Equal("csharp", json["cells"]![0]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("csharp", json["cells"]![0]!["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.Equal(["var a = 1;\n", "var b = a + 1;"], json["cells"]![0]!["source"]!.AsArray().Select(n => n!.GetValue<string>()));
        // The notebook's own metadata is kept as it was.
        Assert.Equal("csharp", json["metadata"]!["language_info"]!["pygments_lexer"]!.GetValue<string>());
    }

    [Fact]
    public void Write_NotebookWithoutMetadata_WritesThePolyglotCSharpKernelspec()
    {
        var json = JsonNode.Parse(IpynbFormat.Write(Of("1")))!;

        Assert.Equal(".net-csharp", json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
    }

    [Fact]
    public void JsonMimeOutput_IsWrittenAsAJsonObjectAndReadBackAsText()
    {
        var nb = Of("x") with { };
        var cell = nb.Cells[0] with { Outputs = [new DisplayOutput(new Dictionary<string, string> { ["application/vnd.ironnb.check+json"] = "{\"published\":1.5}" })] };

        var json = JsonNode.Parse(IpynbFormat.Write(nb.WithCells([cell])))!;
        var back = IpynbFormat.Read(json.ToJsonString());

        Assert.Equal(1.5, json["cells"]![0]!["outputs"]![0]!["data"]!["application/vnd.ironnb.check+json"]!["published"]!.GetValue<double>());
        Assert.Equal("{\"published\":1.5}", ((DisplayOutput)back.Cells[0].Outputs[0]).Data["application/vnd.ironnb.check+json"]);
    }

    [Theory]
    [InlineData("{\"nbformat\": 3, \"cells\": []}", "nbformat 3")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"widget\", \"source\": \"\"}]}", "Cell 0 has cell_type \"widget\"")]
    [InlineData("not json", "Not a JSON notebook")]
    public void Read_BadNotebook_ThrowsNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<NotebookException>(() => IpynbFormat.Read(json, "bad.ipynb"));

        Assert.Contains(expected, e.Message);
        Assert.Equal("bad.ipynb", e.FilePath);
    }

    [Fact]
    public void Load_WrongExtension_IsRefused()
    {
        var path = Path.Combine(TempFolder(), "notes.txt");
        File.WriteAllText(path, "{}");

        Assert.Throws<NotebookException>(() => NotebookFile.Load(path));
    }
}
