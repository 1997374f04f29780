using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.RoiEditor.Tests;

/// <summary>
/// The editor in Debian's headless Chromium, driven by real mouse events over the DevTools protocol: place the Rennes
/// template, drag a liver disc onto the liver, change window/level by dragging, save; then rois.json holds the moved
/// ROI and the statistics the page shows equal `ironnb roi stats` for it. Screenshots go to out/test-artifacts/.
/// </summary>
public class RoiEditorInBrowserTests(ITestOutputHelper log)
{
    [ToolFact("chromium")]
    public async Task Editor_TemplateDiscDraggedOntoLiverAndSaved_SavedRoiAndPageStatisticsMatchRoiStats()
    {
        string chromium = ExternalTool.Require("chromium");
        var root = EditorExams.TempFolder();
        var exam = EditorExams.Synthetic(root, "SYN-EDIT", 120, seed: 11);
        var truth = RoiSet.Load(Path.Combine(exam, "rois.json"));
        var roisPath = Path.Combine(root, "edited-rois.json");
        var console = new StringWriter();
        await using var server = RoiEditorServer.Start(exam, RoiEditorOptions.Default with { RoisPath = roisPath, Log = console });

        // Loopback only, token required.
        Assert.All(server.ListenAddresses, a => Assert.StartsWith("http://127.0.0.1:", a));
        using (var http = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"http://127.0.0.1:{server.Port}/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"http://127.0.0.1:{server.Port}/api/exam?token=wrong")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{server.Port}/api/exam?token={server.Token}")).StatusCode);
        }
        foreach (var address in NonLoopbackAddresses())
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var refused = await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync(address, server.Port).WaitAsync(TimeSpan.FromSeconds(5)));
            log.WriteLine($"connect to {address}:{server.Port} refused: {refused.SocketErrorCode}");
        }

        await using var browser = await ChromiumSession.LaunchAsync(chromium, 1500, 900);
        await browser.SendAsync("Page.navigate", new { url = server.Url });
        await browser.WaitForAsync("window.__ironnb && window.__ironnb.ready && window.__ironnb.state.measuresDone > 0", TimeSpan.FromSeconds(30));
        var firstImageMs = (await browser.EvaluateAsync("window.__ironnb.state.perf.firstImageMs"))!.GetValue<double>();
        log.WriteLine($"first image {firstImageMs:F0} ms after navigation start");

        // The Rennes template, in patient millimetres, on the shown slice.
        await browser.ClickAsync("#template");
        await browser.WaitForAsync("window.__ironnb.state.measure && window.__ironnb.state.measure.rois.length === 5", TimeSpan.FromSeconds(20));
        var series = MultiEchoSeries.FromCatalog(ImageCatalog.Scan(exam).AllSeries.Single(s => s.MagnitudeEchoTimesMs.Count > 1));
        var geometry = series.Slices[0].Geometry;
        var template = (CircleRoi)RoiTemplates.Rennes(geometry)["liver-1"];
        var target = ((CircleRoi)truth["liver-1"]).Center;

        // Drag liver-1 from its template place onto the true liver position.
        var from = await ClientPoint(browser, template.Center.X, template.Center.Y);
        var to = await ClientPoint(browser, target.X, target.Y);
        await browser.DragAsync(from.X, from.Y, to.X, to.Y);
        await browser.WaitForAsync("window.__ironnb.state.undo.length === 2", TimeSpan.FromSeconds(10));

        // Window/level: drag on air (top-left corner of the image, no ROI there).
        var wlBefore = await browser.EvaluateAsync("({ ...window.__ironnb.state.wl })");
        var air = await ClientPoint(browser, 8, 8);
        await browser.DragAsync(air.X, air.Y, air.X + 80, air.Y - 50);
        var wlAfter = await browser.EvaluateAsync("({ ...window.__ironnb.state.wl })");
        Assert.True(wlAfter!["w"]!.GetValue<double>() > wlBefore!["w"]!.GetValue<double>(), "dragging right widens the window");
        Assert.True(wlAfter["c"]!.GetValue<double>() > wlBefore["c"]!.GetValue<double>(), "dragging up raises the level");

        // Save, then read what was written.
        await browser.WaitForAsync("window.__ironnb.state.measureSeq > 0", TimeSpan.FromSeconds(5));
        await browser.ClickAsync("#save");
        await browser.WaitForAsync("document.getElementById('saveState').textContent === 'saved' && !window.__ironnb.state.dirty", TimeSpan.FromSeconds(10));
        var saved = RoiSet.Load(roisPath);
        Assert.Equal(5, saved.Rois.Count);
        Assert.NotNull(saved.FrameOfReferenceUid);
        var moved = Assert.IsType<CircleRoi>(saved["liver-1"]);
        Assert.Equal(RoiSpace.PatientMm, moved.Space);
        var (mx, my, distance) = geometry.PatientToPixel(new Vector3Mm(moved.Center.X, moved.Center.Y, moved.Center.Z));
        log.WriteLine($"liver-1 saved at pixel ({mx:F2}, {my:F2}), target ({target.X}, {target.Y}), {distance:F3} mm off the plane");
        Assert.True(Math.Abs(mx - target.X) < 1 && Math.Abs(my - target.Y) < 1, $"liver-1 at ({mx:F2}, {my:F2}), expected near ({target.X}, {target.Y})");
        Assert.True(Math.Abs(distance) < 1e-6);

        // The page's statistics (model and visible text) equal `ironnb roi stats` on the same disc in pixel coordinates.
        await browser.WaitForAsync("!window.__ironnb.state.dirty && window.__ironnb.state.measure.rois.find(r => r.name === 'liver-1').echoes.length === 12", TimeSpan.FromSeconds(10));
        var pageStats = (await browser.EvaluateAsync("window.__ironnb.state.measure.rois.find(r => r.name === 'liver-1').echoes"))!.AsArray();
        var shownText = (await browser.EvaluateAsync("document.querySelector('#roiTable tr[data-name=\"liver-1\"] .mean').textContent"))!.GetValue<string>();
        var shownPixels = (await browser.EvaluateAsync("document.querySelector('#roiTable tr[data-name=\"liver-1\"] .px').textContent"))!.GetValue<string>();
        string spec = string.Create(CultureInfo.InvariantCulture, $"circle:{mx:R},{my:R},{moved.Radius / geometry.ColumnSpacingMm:R}");
        var seriesNumber = ImageCatalog.Scan(exam).AllSeries.Single(s => s.MagnitudeEchoTimesMs.Count > 1).SeriesNumber!.Value;
        var (code, stdout, stderr) = CliHarness.Run("roi", "stats", exam, "--roi", spec, "--series", seriesNumber.ToString(CultureInfo.InvariantCulture), "--json");
        Assert.True(code == 0, stderr);
        var cli = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(cli.Count, pageStats.Count);
        for (int e = 0; e < cli.Count; e++)
        {
            Assert.Equal(cli[e]!["pixels"]!.GetValue<int>(), pageStats[e]!["pixelCount"]!.GetValue<int>());
            Assert.Equal(cli[e]!["mean"]!.GetValue<double>(), pageStats[e]!["mean"]!.GetValue<double>(), 9);
            Assert.Equal(cli[e]!["sd"]!.GetValue<double>(), pageStats[e]!["sd"]!.GetValue<double>(), 9);
            Assert.Equal(cli[e]!["median"]!.GetValue<double>(), pageStats[e]!["median"]!.GetValue<double>(), 9);
            Assert.Equal(cli[e]!["areaMm2"]!.GetValue<double>(), pageStats[e]!["areaMm2"]!.GetValue<double>(), 9);
        }
        string expected = string.Create(CultureInfo.InvariantCulture, $"{cli[0]!["mean"]!.GetValue<double>():F2} ± {cli[0]!["sd"]!.GetValue<double>():F2}");
        Assert.Equal(expected, shownText);
        Assert.Equal(cli[0]!["pixels"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), shownPixels);
        log.WriteLine($"liver-1 on echo 1: page shows {shownText} over {shownPixels} px; roi stats --json echo 1: {cli[0]!.ToJsonString()}");

        // The liver panel shows a fit and an LIC with its provenance.
        var liverText = (await browser.EvaluateAsync("document.getElementById('liver').textContent"))!.GetValue<string>();
        Assert.Contains("µmol/g", liverText);
        Assert.Contains("wood2005", liverText);

        // Scrolling speed (one slice per animation frame) for the note; the figure is asserted by the speed test.
        var shot = await browser.ScreenshotAsync();
        var artifact = Path.Combine(TestPaths.RepositoryRoot, "out", "test-artifacts", "roi-editor.png");
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        File.WriteAllBytes(artifact, shot);
        Assert.True(shot.Length > 10_000);
        Assert.DoesNotContain(browser.Console, m => m.StartsWith("error", StringComparison.Ordinal) || m.StartsWith("exception", StringComparison.Ordinal));
        Assert.Contains("saved 5 ROIs", console.ToString());
        Assert.DoesNotContain("SYN-EDIT", console.ToString()); // no patient identifiers in the editor's log
    }

    [ToolFact("chromium")]
    public async Task Editor_CorruptRoisJsonOn30SliceSeries_PageAndConsoleSayWhyAndSpeedIsRecorded()
    {
        string chromium = ExternalTool.Require("chromium");
        var root = EditorExams.TempFolder();
        var folder = EditorExams.NiftiSeries(root, 256, 30, 12);
        var roisPath = Path.Combine(root, "rois.json");
        File.WriteAllText(roisPath, "{ not json");
        var console = new StringWriter();
        await using var server = RoiEditorServer.Start(folder, RoiEditorOptions.Default with { RoisPath = roisPath, Log = console });
        Assert.Contains("rois.json is not a valid ROI set", console.ToString());

        await using var browser = await ChromiumSession.LaunchAsync(chromium, 1500, 900);
        await browser.SendAsync("Page.navigate", new { url = server.Url });
        await browser.WaitForAsync("window.__ironnb && window.__ironnb.ready", TimeSpan.FromSeconds(30));
        var messages = (await browser.EvaluateAsync("document.getElementById('messages').textContent"))!.GetValue<string>();
        Assert.Contains("rois.json is not a valid ROI set", messages);
        Assert.Contains(browser.Console, m => m.StartsWith("error", StringComparison.Ordinal) && m.Contains("not a valid ROI set", StringComparison.Ordinal));

        // The page's own timings: first image after navigation start, then one slice per animation frame.
        double firstImageMs = (await browser.EvaluateAsync("window.__ironnb.state.perf.firstImageMs"))!.GetValue<double>();
        var timings = (await browser.EvaluateAsync("JSON.stringify({ nav: performance.getEntriesByType('navigation').map(n => ({ responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd })), resources: performance.getEntriesByType('resource').map(r => ({ name: r.name.replace(/token=[^&]*/, 'token=…').replace(/^https?:\\/\\/[^/]+/, ''), start: r.startTime, end: r.responseEnd })) })"))!.GetValue<string>();
        log.WriteLine(timings);
        double domContentLoadedMs = JsonNode.Parse(timings)!["nav"]![0]!["domContentLoaded"]!.GetValue<double>();
        var scroll = (await browser.EvaluateAsync("window.__ironnb.benchmarkScroll(90)"))!;
        var speed = new JsonObject
        {
            ["series"] = "256x256, 12 echoes, 30 slices (NIfTI int16)", ["firstImageMsAfterNavigationStart"] = firstImageMs, ["firstImageMsAfterDomContentLoaded"] = firstImageMs - domContentLoadedMs,
            ["scrollFrames"] = scroll["frames"]!.GetValue<int>(), ["scrollFramesPerSecond"] = scroll["framesPerSecond"]!.GetValue<double>(),
            ["meanDrawMs"] = scroll["meanDrawMs"]!.GetValue<double>(), ["maxDrawMs"] = scroll["maxDrawMs"]!.GetValue<double>(),
            ["measuredUtc"] = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
        };
        log.WriteLine(speed.ToJsonString());
        Assert.True(double.IsFinite(firstImageMs) && firstImageMs > 0);
        Assert.True(scroll["meanDrawMs"]!.GetValue<double>() > 0);
        var dir = Path.Combine(TestPaths.RepositoryRoot, "out", "test-artifacts");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "roi-editor-speed.json"), speed.ToJsonString());
        File.WriteAllBytes(Path.Combine(dir, "roi-editor-bad-input.png"), await browser.ScreenshotAsync());
        Assert.Equal("{ not json", File.ReadAllText(roisPath));
    }

    [CorpusToolFact("chromium")]
    public async Task Editor_UkatGeNifti_ShowsR2StarOverlayAndTemplateWithoutErrors()
    {
        string chromium = ExternalTool.Require("chromium");
        var console = new StringWriter();
        await using var server = RoiEditorServer.Start(TestPaths.CorpusFile("ukat/r2star/ge"),
            RoiEditorOptions.Default with { RoisPath = Path.Combine(EditorExams.TempFolder(), "rois.json"), Log = console });
        await using var browser = await ChromiumSession.LaunchAsync(chromium, 1500, 900);
        await browser.SendAsync("Page.navigate", new { url = server.Url });
        await browser.WaitForAsync("window.__ironnb && window.__ironnb.ready", TimeSpan.FromSeconds(60));
        await browser.ClickAsync("#overlay");
        await browser.WaitForAsync("window.__ironnb.state.maps.size === 1", TimeSpan.FromSeconds(120));
        await browser.ClickAsync("#template");
        await browser.WaitForAsync("window.__ironnb.state.measure && window.__ironnb.state.measure.rois.length === 5", TimeSpan.FromSeconds(30));
        var orientation = (await browser.EvaluateAsync("['oLeft','oRight','oTop','oBottom'].map(id => document.getElementById(id).textContent).join('')"))!.GetValue<string>();
        Assert.Equal("RLHF", orientation); // coronal, radiological: patient right on screen left, head up
        Assert.False((await browser.EvaluateAsync("document.getElementById('colorbar').hidden"))!.GetValue<bool>());
        var dir = Path.Combine(TestPaths.RepositoryRoot, "out", "test-artifacts");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "roi-editor-ukat-ge.png"), await browser.ScreenshotAsync());
        Assert.DoesNotContain(browser.Console, m => m.StartsWith("error", StringComparison.Ordinal) || m.StartsWith("exception", StringComparison.Ordinal));
        Assert.Equal("", console.ToString());
    }

    private static async Task<(double X, double Y)> ClientPoint(ChromiumSession browser, double x, double y)
    {
        var p = (await browser.EvaluateAsync(string.Create(CultureInfo.InvariantCulture, $"window.__ironnb.toClient({x}, {y})")))!;
        return (p["x"]!.GetValue<double>(), p["y"]!.GetValue<double>());
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .Take(2);
}

/// <summary>A fact that needs both ../shared/corpus and outside tools.</summary>
public sealed class CorpusToolFactAttribute : FactAttribute
{
    public CorpusToolFactAttribute(params string[] tools) => Skip = Requirements.CorpusSkipReason() ?? Requirements.ToolSkipReason(tools);
}
