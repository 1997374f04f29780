using System.Text.RegularExpressions;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Reports;
using IronNotebooks.Notebooks.Running;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Notebooks.Tests.Reports;
using Xunit;

namespace IronNotebooks.Notebooks.Tests.Docs;

/// <summary>
/// The "from scanner to LIC" tutorial's pictures are made by the project: docs/tutorial-scanner-to-lic.dib holds the
/// code the tutorial shows; each cell whose first line is <c>// figure: NAME</c> makes docs/images/NAME.png (a PNG the
/// library writes, or a headless-Chromium screenshot of the Plotly figure). Regenerate the committed images with
/// <c>IRONNB_WRITE_DOC_IMAGES=1 dotnet test tests/IronNotebooks.Notebooks.Tests --filter TutorialFigure</c>;
/// otherwise the test writes them to out/test-artifacts/docs-images and checks them against the committed set.
/// </summary>
public partial class TutorialFigureTests
{
    private static readonly string Docs = Path.Combine(TestPaths.RepositoryRoot, "docs");

    [GeneratedRegex(@"^// figure: ([a-z0-9-]+)")]
    private static partial Regex FigureLine();

    [GeneratedRegex(@"\(images/([a-z0-9-]+)\.png\)")]
    private static partial Regex ImageReference();

    private static IReadOnlyList<string> FigureNamesInTheCode() =>
        [.. Regex.Matches(File.ReadAllText(Path.Combine(Docs, "tutorial-scanner-to-lic.dib")), @"(?m)^// figure: ([a-z0-9-]+)").Select(m => m.Groups[1].Value)];

    [Fact]
    public void Tutorial_ShowsExactlyTheFiguresItsCodeMakes_AndEachIsCommitted()
    {
        var inCode = FigureNamesInTheCode();
        var inText = ImageReference().Matches(File.ReadAllText(Path.Combine(Docs, "tutorial-scanner-to-lic.md"))).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(inCode);
        Assert.Equal(inCode.Order(), inText.Order());
        foreach (string name in inCode)
        {
            var png = File.ReadAllBytes(Path.Combine(Docs, "images", name + ".png"));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            Assert.True(png.Length < 300_000, $"{name}.png is {png.Length} bytes: keep committed pictures small");
        }
    }

    [ToolFact("chromium")]
    public void TutorialCode_RunsAndRemakesEveryFigure()
    {
        string chromium = ExternalTool.Require("chromium");
        string plotly = PlotlyJs.Locate()
            ?? throw new InvalidOperationException("plotly.js is needed: run environment/fetch-plotly.sh (or set IRONNB_PLOTLY_JS).");
        bool writeDocs = Environment.GetEnvironmentVariable("IRONNB_WRITE_DOC_IMAGES") == "1";
        string target = writeDocs ? Path.Combine(Docs, "images") : Path.Combine(TestPaths.RepositoryRoot, "out", "test-artifacts", "docs-images");
        Directory.CreateDirectory(target);
        string scratch = Support.Notebooks.TempFolder();

        var run = NotebookRunner.RunFile(Path.Combine(Docs, "tutorial-scanner-to-lic.dib"));

        Assert.True(run.Succeeded, string.Join("\n", run.Failed.Select(c => c.ToString())));
        var made = new List<string>();
        foreach (var cell in run.Executed.Cells)
        {
            if (FigureLine().Match(cell.Source) is not { Success: true } m) continue;
            string name = m.Groups[1].Value, path = Path.Combine(target, name + ".png");
            var shown = Assert.IsType<DisplayOutput>(cell.Outputs.Last(o => o is DisplayOutput));
            if (shown.Data.TryGetValue("image/png", out var base64))
                File.WriteAllBytes(path, Convert.FromBase64String(base64));
            else
                Screenshot(chromium, plotly, shown.Data["text/html"], path, Path.Combine(scratch, name));
            var png = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            Assert.True(png.Length > 2_000, $"{name}.png: {png.Length} bytes");
            made.Add(name);
        }
        Assert.Equal(FigureNamesInTheCode(), made);
    }

    private static void Screenshot(string chromium, string plotlyJsPath, string figureHtml, string pngPath, string scratch)
    {
        Directory.CreateDirectory(scratch);
        string page = Path.Combine(scratch, "figure.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>" + File.ReadAllText(plotlyJsPath)
            + "</script></head><body style=\"margin:0;background:#fff\">" + figureHtml + "</body></html>");
        string[] flags = [.. ReportInBrowserTests.Flags.Select(f => f.StartsWith("--window-size=", StringComparison.Ordinal) ? "--window-size=900,560" : f)];
        var shot = ExternalTool.Run(chromium, [.. flags, $"--user-data-dir={Path.Combine(scratch, "profile")}", $"--screenshot={pngPath}", new Uri(page).AbsoluteUri]);
        Assert.Equal(0, shot.ExitCode);
    }
}
