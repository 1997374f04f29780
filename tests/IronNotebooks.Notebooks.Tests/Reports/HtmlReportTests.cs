using System.Text.RegularExpressions;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Reports;
using IronNotebooks.Notebooks.Running;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Notebooks.Tests.Support;
using Xunit;
using static IronNotebooks.Notebooks.Tests.Support.Notebooks;

namespace IronNotebooks.Notebooks.Tests.Reports;

public class HtmlReportTests
{
    private static readonly Lazy<NotebookRun> FigureRun = new(() => NotebookRunner.Run(FigureNotebook.Create(), "figures.ipynb"));

    [Fact]
    public void Render_InlinesPlotlyOnceHowEverManyFigures()
    {
        const string bundle = "/*fake plotly*/window.Plotly={};";

        string html = HtmlReport.Render(FigureRun.Value, bundle);

        Assert.True(FigureRun.Value.Succeeded, string.Join("\n", FigureRun.Value.Failed.Select(f => f.Error?.EValue)));
        Assert.Single(Regex.Matches(html, Regex.Escape(bundle)));
        Assert.Equal(3, Regex.Matches(html, "class=\"ironnb-plotly\"").Count);
        Assert.True(html.IndexOf(bundle, StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.DoesNotContain("plotly.js was not inlined", html);
    }

    [Fact]
    public void Render_ScriptEndTagInsideTheBundle_IsEscaped()
    {
        string html = HtmlReport.Render(FigureRun.Value, "var s = '</script><b>';");

        Assert.Contains("var s = '<\\/script><b>';</script>", html);
    }

    [Fact]
    public void Render_WithoutPlotly_SaysFiguresNeedInternet()
    {
        Assert.Contains("plotly.js was not inlined", HtmlReport.Render(FigureRun.Value, null));
    }

    [Fact]
    public void Render_FailedCellAndChecks_AreListedAtTheTop()
    {
        var run = NotebookRunner.Run(Of("#r \"nuget: IronNotebooks\"", "IronNotebooks.Reproduction.PublishedCheck.Compare(\"AUC\", 0.9, 0.5, 0.01, \"T2\")", "oops"), "x.ipynb");

        string html = HtmlReport.Render(run, null);

        Assert.Contains("<a href=\"#cell-3\">Cell 3 failed</a>: CompilationError:", html);
        Assert.Contains("<tr class=\"differs\"><td><a href=\"#cell-2\">AUC</a>", html);
        Assert.Contains("<section class=\"code failed\" id=\"cell-3\">", html);
    }

    [Fact]
    public void Render_MarkdownProse_IsRenderedAndRawHtmlInItIsEscaped()
    {
        var nb = new NotebookDocument([NotebookCell.Markdown("## Method\n\nUses **ARLO** and `fit`, see [paper](https://doi.org/10.1002/mrm.x).\n\n- one\n- two\n\n<script>alert(1)</script>")]);

        string html = HtmlReport.Render(NotebookRunner.Run(nb, "m.ipynb"), null);

        Assert.Contains("<h2>Method</h2>", html);
        Assert.Contains("Uses <strong>ARLO</strong> and <code>fit</code>, see <a href=\"https://doi.org/10.1002/mrm.x\">paper</a>.", html);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [Fact]
    public void Render_MarkdownAsVsCodeShowsIt_WrappedListItemsEscapesAndEmphasisAcrossLines()
    {
        var nb = new NotebookDocument([NotebookCell.Markdown(
            "1. places the ROIs and applies the rule\n(L/M < 0.88);\n2. reruns the table\n\nthe *SIR→R2\\* reconstruction* and **bold\nacross lines**")]);

        string html = HtmlReport.Render(NotebookRunner.Run(nb, "m.ipynb"), null);

        Assert.Contains("<ol>\n<li>places the ROIs and applies the rule\n(L/M &lt; 0.88);</li>\n<li>reruns the table</li>\n</ol>", html);
        Assert.Contains("<em>SIR→R2* reconstruction</em>", html);
        Assert.Contains("<strong>bold\nacross lines</strong>", html);
    }

    [Fact]
    public void Write_WithoutPlotlyFile_WarnsAndStillWritesTheReport()
    {
        string path = Path.Combine(TempFolder(), "r.html");

        var warnings = HtmlReport.Write(FigureRun.Value, path, plotlyJsPath: Path.Combine(TempFolder(), "absent.js"));

        Assert.Contains(warnings, w => w.Contains("fetch-plotly.sh", StringComparison.Ordinal));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void PlotlyVersion_IsTheOneFetchPlotlyFetches()
    {
        string script = File.ReadAllText(Path.Combine(IronNotebooks.Dicom.Tests.Support.TestPaths.RepositoryRoot, "environment", "fetch-plotly.sh"));

        Assert.Contains($"version={PlotlyJs.Version}\n", script);
    }
}
