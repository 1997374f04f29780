using IronNotebooks.Notebooks.Documents;
using Xunit;
using static IronNotebooks.Notebooks.Tests.Support.Notebooks;

namespace IronNotebooks.Notebooks.Tests.Documents;

public class DibFormatTests
{
    [Fact]
    public void Read_VsCodeSavedDib_GivesMetaCellsAndKeepsMagicLinesInsideCells()
    {
        var nb = NotebookFile.Load(Fixture("vscode-saved.dib"));

        Assert.Equal("fsharp", nb.Metadata!["polyglot_notebook"]!["kernelInfo"]!["items"]![1]!["name"]!.GetValue<string>());
        Assert.Equal(".net-csharp", nb.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(["markdown", "csharp", "fsharp", "csharp"], nb.Cells.Select(c => c.KernelName));
        Assert.Equal("# Phantom\n\nFour vials.", nb.Cells[0].Source);
        Assert.Equal("#!time\nvar vials = new[] { 30.0, 100.0, 300.0, 600.0 };\nvials.Length", nb.Cells[1].Source);
        Assert.Equal("let x = 1", nb.Cells[2].Source);
        Assert.Equal("Console.WriteLine(vials[0]);", nb.Cells[3].Source);
    }

    [Fact]
    public void WriteOfRead_VsCodeSavedDib_IsTheSameText()
    {
        string original = File.ReadAllText(Fixture("vscode-saved.dib"));

        Assert.Equal(original, DibFormat.Write(DibFormat.Read(original)));
    }

    [Fact]
    public void Read_AliasesAndTextBeforeFirstSeparator_AreCSharpAndMarkdownWithBlankLinesTrimmed()
    {
        var nb = NotebookFile.Load(Fixture("aliases.dib"));

        Assert.Null(nb.Metadata);
        Assert.Equal([("csharp", "var early = 1;"), ("csharp", "var second = 2;"), ("markdown", "Some *text*"), ("csharp", "early + second")],
            nb.Cells.Select(c => (c.KernelName, c.Source)));
        Assert.Equal(CellKind.Markdown, nb.Cells[2].Kind);
    }

    [Fact]
    public void IpynbToDibToIpynb_KeepsKindsKernelsAndSources()
    {
        var ipynb = NotebookFile.Load(Fixture("vscode-saved.ipynb"));

        var back = DibFormat.Read(DibFormat.Write(ipynb));

        Assert.Equal(ipynb.Cells.Select(c => (c.Kind, c.KernelName, c.Source)), back.Cells.Select(c => (c.Kind, c.KernelName, c.Source)));
    }

    [Fact]
    public void DibToIpynb_PutsTheMetaUnderPolyglotNotebookBesideTheKernelspec()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(IpynbFormat.Write(NotebookFile.Load(Fixture("vscode-saved.dib"))))!;

        Assert.Equal("C#", json["metadata"]!["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("fsharp", json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["items"]![1]!["languageName"]!.GetValue<string>());
    }

    [Fact]
    public void Read_MetaWithoutJson_ThrowsNamingTheLine()
    {
        var e = Assert.Throws<NotebookException>(() => DibFormat.Read("#!meta\n\nnot json\n"));

        Assert.Contains("Line 3", e.Message);
    }
}
