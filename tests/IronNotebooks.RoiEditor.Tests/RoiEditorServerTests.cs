using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.RoiEditor.Tests;

/// <summary>The editor's server without a browser: bad exams, bad ROI files, conflicts, traversal, the token.</summary>
public class RoiEditorServerTests
{
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Get(RoiEditorServer server, string path)
    {
        using var http = new HttpClient();
        var r = await http.GetAsync($"http://127.0.0.1:{server.Port}{path}{(path.Contains('?') ? '&' : '?')}token={server.Token}");
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Post(RoiEditorServer server, string path, JsonNode body)
    {
        using var http = new HttpClient();
        var r = await http.PostAsync($"http://127.0.0.1:{server.Port}{path}?token={server.Token}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return (r.StatusCode, JsonNode.Parse(await r.Content.ReadAsStringAsync()));
    }

    private static JsonObject SaveBody(RoiSet set, string? baseSha, bool overwrite = false) =>
        new() { ["roiSet"] = JsonNode.Parse(set.ToJson()), ["baseSha256"] = baseSha, ["overwrite"] = overwrite };

    [Fact]
    public async Task Start_FolderWithNothingReadable_SaysSoOnTheConsoleAndInThePageData()
    {
        var folder = EditorExams.TempFolder();
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an image");
        var log = new StringWriter();
        await using var server = RoiEditorServer.Start(folder, RoiEditorOptions.Default with { Log = log });
        Assert.Contains("error: Nothing readable in this exam folder", log.ToString());
        var (status, exam) = await Get(server, "/api/exam");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(exam!["acquisitions"]!.AsArray());
        Assert.Contains(exam["problems"]!.AsArray(), p => p!.GetValue<string>().StartsWith("Nothing readable", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(folder, "rois.json")));
    }

    [Fact]
    public async Task Save_CorruptRoisJson_RefusedWithoutOverwriteAndFileUnchanged()
    {
        var root = EditorExams.TempFolder();
        var exam = EditorExams.Synthetic(root, "SYN-A", 80, seed: 21);
        var path = Path.Combine(exam, "rois.json");
        File.WriteAllText(path, "{ \"schema\": \"ironnotebooks/roi-set\", \"version\": 1, \"rois\": [ {");
        var before = File.ReadAllBytes(path);
        var log = new StringWriter();
        await using var server = RoiEditorServer.Start(exam, RoiEditorOptions.Default with { Log = log });
        Assert.Contains("rois.json is not a valid ROI set", log.ToString());
        var (_, rois) = await Get(server, "/api/rois");
        Assert.Contains("not a valid ROI set", rois!["error"]!.GetValue<string>());
        Assert.Null(rois["set"]);

        var (status, outcome) = await Post(server, "/api/save", SaveBody(RoiTemplates.Rennes(server.Exam.Acquisitions[0].Series.Slices[0].Geometry), null));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("this page did not load it", outcome!["message"]!.GetValue<string>());
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Load_RoiSetOfAnotherExam_RefusedNamingBothFramesOfReference()
    {
        var root = EditorExams.TempFolder();
        var examA = EditorExams.Synthetic(root, "SYN-A", 80, seed: 31);
        var examB = EditorExams.Synthetic(root, "SYN-B", 200, seed: 32);
        var path = Path.Combine(root, "rois-of-a.json");
        string saved;
        await using (var a = RoiEditorServer.Start(examA, RoiEditorOptions.Default with { RoisPath = path, Log = TextWriter.Null }))
        {
            var (status, outcome) = await Post(a, "/api/save", SaveBody(RoiSet.Load(Path.Combine(examA, "rois.json")), null));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(outcome!["saved"]!.GetValue<bool>());
            saved = File.ReadAllText(path);
        }
        var log = new StringWriter();
        await using var b = RoiEditorServer.Start(examB, RoiEditorOptions.Default with { RoisPath = path, Log = log });
        Assert.NotEqual(b.Exam.FrameOfReferenceUid, RoiSet.Load(path).FrameOfReferenceUid);
        Assert.Contains("was drawn on another exam", log.ToString());
        Assert.Contains(b.Exam.FrameOfReferenceUid!, log.ToString());
        var (_, rois) = await Get(b, "/api/rois");
        Assert.Null(rois!["set"]);
        var (conflict, _) = await Post(b, "/api/save", SaveBody(RoiSet.Load(Path.Combine(examB, "rois.json")), null));
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal(saved, File.ReadAllText(path));
    }

    [Fact]
    public async Task Save_FileChangedByAnotherEditorSinceLoad_ConflictThenExplicitOverwriteIsAtomic()
    {
        var root = EditorExams.TempFolder();
        var exam = EditorExams.Synthetic(root, "SYN-C", 80, seed: 41);
        await using var one = RoiEditorServer.Start(exam, RoiEditorOptions.Default with { Log = TextWriter.Null });
        await using var two = RoiEditorServer.Start(exam, RoiEditorOptions.Default with { Log = TextWriter.Null });
        var (_, loaded) = await Get(one, "/api/rois");
        string sha = loaded!["sha256"]!.GetValue<string>();
        var set = RoiSet.Load(Path.Combine(exam, "rois.json"));

        var (s2, o2) = await Post(two, "/api/save", SaveBody(set with { Description = "second editor" }, sha));
        Assert.Equal(HttpStatusCode.OK, s2);
        var (s1, o1) = await Post(one, "/api/save", SaveBody(set with { Description = "first editor" }, sha));
        Assert.Equal(HttpStatusCode.Conflict, s1);
        Assert.Contains("changed on disk", o1!["message"]!.GetValue<string>());
        Assert.Equal("second editor", RoiSet.Load(Path.Combine(exam, "rois.json")).Description);

        var (s3, _) = await Post(one, "/api/save", SaveBody(set with { Description = "first editor" }, sha, overwrite: true));
        Assert.Equal(HttpStatusCode.OK, s3);
        Assert.Equal("first editor", RoiSet.Load(Path.Combine(exam, "rois.json")).Description);
        Assert.Empty(Directory.GetFiles(exam, "*.tmp"));
        Assert.NotEqual(sha, o2!["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_WithoutTokenOrWithForeignHostOrTraversal_AreRefused()
    {
        var root = EditorExams.TempFolder();
        var exam = EditorExams.Synthetic(root, "SYN-D", 80, seed: 51);
        await using var server = RoiEditorServer.Start(exam, RoiEditorOptions.Default with { Log = TextWriter.Null });
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"http://127.0.0.1:{server.Port}/api/plane?acq=a0&slice=0&echo=0")).StatusCode);
        var rebinding = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{server.Port}/?token={server.Token}");
        rebinding.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(rebinding)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{server.Port}/..%2f..%2f..%2fetc%2fpasswd?token={server.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{server.Port}/static/../../rois.json?token={server.Token}")).StatusCode);
        var (status, body) = await Get(server, "/api/plane?acq=../../etc/passwd&slice=0&echo=0");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("No acquisition", body!["error"]!.GetValue<string>());
        var plane = await http.GetByteArrayAsync($"http://127.0.0.1:{server.Port}/api/plane?acq=a0&slice=0&echo=0&token={server.Token}");
        Assert.Equal(256 * 256 * 4, plane.Length);
    }

    [Fact]
    public async Task Measure_MuscleDiscOnSubcutaneousFat_HintsFat()
    {
        var root = EditorExams.TempFolder();
        var exam = EditorExams.Synthetic(root, "SYN-E", 150, seed: 61);
        var truth = RoiSet.Load(Path.Combine(exam, "rois.json"));
        var series = EditorExam.Open(exam).Acquisitions[0].Series;
        var geometry = series.Slices[0].Geometry;
        var template = RoiTemplates.Rennes(geometry); // its muscle discs sit on the posterior subcutaneous fat of this phantom
        var onFat = EditorMeasurement.Measure(series, 0, template.Rois, Relaxometry.DecayModels.Mono);
        var onMuscle = EditorMeasurement.Measure(series, 0, [.. truth.Rois.Where(r => r.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal or RoiRole.Liver)], Relaxometry.DecayModels.Mono);
        Assert.Contains(onFat.Rois.Single(r => r.Name == "muscle-right").Hints, h => h.Contains("looks like fat", StringComparison.Ordinal));
        Assert.All(onMuscle.Rois, r => Assert.Empty(r.Hints));
        Assert.NotNull(onMuscle.Liver?.Lic?.Lic);
        Assert.Equal(onMuscle.Rois.Count(r => r.Role == RoiRole.Liver), onMuscle.Liver!.RoiNames.Count);
    }

    [CorpusFact]
    public async Task Start_UkatNiftiFolders_ServeEverySliceAndMeasure()
    {
        foreach (var vendor in new[] { "ge", "philips", "siemens" })
        {
            await using var server = RoiEditorServer.Start(TestPaths.CorpusFile($"ukat/r2star/{vendor}"), RoiEditorOptions.Default with { RoisPath = Path.Combine(EditorExams.TempFolder(), "rois.json"), Log = TextWriter.Null });
            var (status, exam) = await Get(server, "/api/exam");
            Assert.Equal(HttpStatusCode.OK, status);
            var acq = exam!["acquisitions"]!.AsArray()[0]!;
            Assert.Equal("multiEcho", acq["kind"]!.GetValue<string>());
            int rows = acq["rows"]!.GetValue<int>(), cols = acq["columns"]!.GetValue<int>(), slices = acq["slices"]!.AsArray().Count;
            using var http = new HttpClient();
            var volume = await http.GetByteArrayAsync($"http://127.0.0.1:{server.Port}/api/volume?acq=a0&echo=0&token={server.Token}");
            Assert.Equal(rows * cols * slices * 4, volume.Length);
            var series = server.Exam.Acquisitions[0].Series;
            var rennes = RoiTemplates.Rennes(series.Slices[0].Geometry);
            var (measured, body) = await Post(server, "/api/measure", new JsonObject { ["acq"] = "a0", ["slice"] = 0, ["roiSet"] = JsonNode.Parse(rennes.ToJson()), ["model"] = "mono" });
            Assert.Equal(HttpStatusCode.OK, measured);
            var liver1 = body!["rois"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "liver-1")!;
            var expected = RoiMeasurement.MeasureEchoes(series.Slices[0], rennes["liver-1"]);
            Assert.Equal(expected[0].Mean, liver1["echoes"]![0]!["mean"]!.GetValue<double>(), 9);
            var map = await http.GetByteArrayAsync($"http://127.0.0.1:{server.Port}/api/r2star?acq=a0&slice=0&token={server.Token}");
            Assert.Equal(rows * cols * 4, map.Length);
        }
    }
}

/// <summary>The `ironnb roi edit` verb's argument checks (the server itself is tested above).</summary>
public class RoiEditCommandTests
{
    [Fact]
    public void RoiEdit_MissingExamFolder_ExitsTwoNamingTheFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ironnb-no-such-exam-" + Guid.NewGuid().ToString("N"));
        var (code, _, error) = CliHarness.Run("roi", "edit", missing);
        Assert.Equal(2, code);
        Assert.Contains(missing, error);
    }

    [Fact]
    public void RoiEdit_Help_ListsRoisPortAndOpen()
    {
        var (code, output, _) = CliHarness.Run("roi", "edit", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--rois", output);
        Assert.Contains("--port", output);
        Assert.Contains("--open", output);
    }
}
