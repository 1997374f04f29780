using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IronNotebooks.RoiEditor;

/// <summary>
/// The ROI editor: a Kestrel server on 127.0.0.1 serving one page and the images of one exam. Every request needs the
/// random token of <see cref="Url"/> (as Jupyter does; 403 otherwise) and a loopback Host header (no DNS rebinding).
/// Nothing is served by path: acquisitions are addressed by id, the ROI file is fixed at start, so no request can
/// reach another file. Statistics, fits and LIC are computed here by the library; the page only draws.
/// <code>
/// var editor = RoiEditorServer.Start("exam/");      // prints nothing; show editor.Url
/// …                                                   // place ROIs in the browser, press Save
/// var rois = editor.LoadSavedRois();                  // the RoiSet written to rois.json
/// await editor.StopAsync();
/// </code>
/// </summary>
public sealed class RoiEditorServer : IAsyncDisposable, IDisposable
{
    /// <summary>Header that may carry the token instead of the query string.</summary>
    public const string TokenHeader = "X-IronNB-Token";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly WebApplication _app;
    private readonly TextWriter _log;
    private readonly Dictionary<string, Lazy<Task<R2StarMapResult>>> _maps = [];
    private readonly Timer _idle;
    private readonly TimeSpan _idleTimeout;
    private long _lastRequestTicks = Environment.TickCount64;
    private int _stopped;

    private RoiEditorServer(WebApplication app, EditorExam exam, RoiFileStore store, string token, TextWriter log, TimeSpan idleTimeout)
    {
        _app = app;
        Exam = exam;
        Store = store;
        Token = token;
        _log = log;
        _idleTimeout = idleTimeout;
        foreach (var a in exam.Acquisitions) _maps[a.Id] = new Lazy<Task<R2StarMapResult>>(() => Task.Run(() => ComputeMap(a.Series)));
        _idle = new Timer(_ => { if (Environment.TickCount64 - Interlocked.Read(ref _lastRequestTicks) > _idleTimeout.TotalMilliseconds) _ = StopAsync(); },
            null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    /// <summary>The exam shown.</summary>
    public EditorExam Exam { get; }

    /// <summary>The ROI file.</summary>
    public RoiFileStore Store { get; }

    /// <summary>The access token (URL-safe, 256 random bits).</summary>
    public string Token { get; }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The page's address with the token: open it in a browser on this machine.</summary>
    public string Url => $"http://127.0.0.1:{Port}/?token={Token}";

    /// <summary>The addresses Kestrel listens on (all loopback).</summary>
    public IReadOnlyList<string> ListenAddresses { get; private set; } = [];

    /// <summary>Completes when the server has stopped (Ctrl+C in the CLI, <see cref="StopAsync"/>, or the idle timeout).</summary>
    public Task Completion => _app.WaitForShutdownAsync();

    /// <summary>Starts the editor for <paramref name="examFolder"/> and returns once it listens.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static RoiEditorServer Start(string examFolder, RoiEditorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examFolder);
        var o = options ?? RoiEditorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(o.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(o.Port, 65535);
        var exam = EditorExam.Open(examFolder);
        var store = new RoiFileStore(o.RoisPath ?? Path.Combine(exam.Folder, "rois.json"), exam);
        var log = o.Log ?? Console.Out;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Logging.ClearProviders(); // request logs would carry query strings (the token) and nothing useful
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, o.Port);
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        var app = builder.Build();
        var server = new RoiEditorServer(app, exam, store, NewToken(), log, o.IdleTimeout);
        server.Map(app);
        app.StartAsync().GetAwaiter().GetResult();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        server.ListenAddresses = addresses;
        server.Port = new Uri(addresses[0]).Port;
        // Read the first acquisition's pixels now, while the reader copies the URL: the first image is then immediate.
        if (exam.Acquisitions.Count > 0) _ = Task.Run(() => TryField(exam.Acquisitions[0]));
        foreach (var p in exam.Problems) log.WriteLine($"error: {p}");
        var rois = store.Read();
        if (rois.Error is not null) log.WriteLine($"error: {rois.Error}");
        return server;
    }

    /// <summary>Reads the ROI file as saved now (for a notebook, after pressing Save in the page).</summary>
    /// <exception cref="FileNotFoundException">Nothing saved yet.</exception>
    /// <exception cref="FormatException">The file is not a valid ROI set of this exam.</exception>
    public RoiSet LoadSavedRois()
    {
        var state = Store.Read();
        if (!state.Exists) throw new FileNotFoundException($"No ROI set saved yet at {Store.Path}.", Store.Path);
        return state.Set ?? throw new FormatException(state.Error);
    }

    /// <inheritdoc />
    public override string ToString() => $"ROI editor for {Exam.Acquisitions.Count} acquisition(s) at {Url} (ROI file {Path.GetFileName(Store.Path)})";

    /// <summary>Stops the server (idempotent).</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _idle.DisposeAsync();
        await _app.StopAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Interlocked.Exchange(ref _lastRequestTicks, Environment.TickCount64);
            if (context.Request.Path == "/favicon.ico") { context.Response.StatusCode = StatusCodes.Status204NoContent; return; } // browsers ask without the token
            if (!Authorised(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("403: the ROI editor needs the token printed when it started (open the printed URL).");
                return;
            }
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            try { await next(context); }
            catch (Exception e) when (e is ImagingException or RoiException or FormatException or ArgumentException or KeyNotFoundException or IOException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { error = e.Message }, Json);
            }
        });
        app.MapGet("/", () => Results.Content(EditorPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/exam", ExamDescription);
        app.MapGet("/api/rois", () => Results.Json(RoiState(Store.Read()), Json));
        app.MapGet("/api/plane", (string acq, int slice, int echo) => Binary(Plane(acq, slice, echo)));
        app.MapGet("/api/volume", (string acq, int echo) => Binary(Volume(acq, echo)));
        app.MapGet("/api/r2star", async (string acq, int slice) => Binary(await R2StarSlice(acq, slice)));
        app.MapGet("/api/template", (string acq, int slice) => Results.Content(Template(acq, slice), "application/json"));
        app.MapPost("/api/measure", async (HttpRequest request) => Results.Json(Measure(await JsonNode.ParseAsync(request.Body)), Json));
        app.MapPost("/api/save", async (HttpRequest request) => Save(await JsonNode.ParseAsync(request.Body)));
    }

    private bool Authorised(HttpRequest request)
    {
        // Loopback Host only: a page on another site cannot reach us through a DNS name pointed at 127.0.0.1.
        var host = request.Host.Host;
        if (host is not ("127.0.0.1" or "localhost" or "[::1]" or "::1")) return false;
        string? given = request.Query["token"].FirstOrDefault() ?? request.Headers[TokenHeader].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(Token));
    }

    private IResult ExamDescription()
    {
        var acquisitions = new List<object>();
        var problems = Exam.Problems.ToList();
        foreach (var a in Exam.Acquisitions)
        {
            MultiEchoSeries s;
            try { s = a.Series; }
            catch (Exception e) when (e is ImagingException or IOException or Dicom.DicomException)
            {
                problems.Add($"{a.Label}: {e.Message}");
                continue;
            }
            var g = s.Slices[0].Geometry;
            acquisitions.Add(new
            {
                id = a.Id, label = a.Label, kind = a.Kind, echoTimesMs = s.EchoTimesMs, fieldStrengthT = s.FieldStrengthT,
                rows = g.Rows, columns = g.Columns, rowSpacingMm = g.RowSpacingMm, columnSpacingMm = g.ColumnSpacingMm,
                rowDirection = Vec(g.RowDirection), columnDirection = Vec(g.ColumnDirection),
                slices = s.Slices.Select(sl => new { index = sl.Index, locationMm = sl.SliceLocationMm, originMm = Vec(sl.Geometry.OriginMm), thicknessMm = sl.Geometry.SliceThicknessMm }),
                warnings = s.Warnings,
            });
        }
        return Results.Json(new
        {
            acquisitions, problems,
            roiFile = Path.GetFileName(Store.Path),
            rois = RoiState(Store.Read()),
            frameOfReferenceUid = Exam.FrameOfReferenceUid,
            models = DecayModels.All.Select(m => m.Name),
            calibrations = RelaxometryCalibrations.All.Where(c => c.Quantity == RelaxationQuantity.R2Star).Select(c => new { name = c.Name, title = c.Title, fieldT = c.FieldStrengthT }),
            defaultCalibration = EditorMeasurement.DefaultCalibration(Exam.Acquisitions.Select(a => TryField(a)).FirstOrDefault(f => f is not null)).Name,
        }, Json);
    }

    private static double? TryField(EditorAcquisition a)
    {
        try { return a.Series.FieldStrengthT; }
        catch (Exception e) when (e is ImagingException or IOException or Dicom.DicomException) { return null; }
    }

    private static double[] Vec(Vector3Mm v) => [v.X, v.Y, v.Z];

    private static object RoiState(RoiFileState s) => new
    {
        exists = s.Exists, sha256 = s.Sha256, modifiedUtc = s.ModifiedUtc, error = s.Error,
        set = s.Set is null ? null : JsonNode.Parse(s.Set.ToJson()),
    };

    private MultiEchoSlice Slice(string acq, int slice)
    {
        var series = Exam.Get(acq).Series;
        if (slice < 0 || slice >= series.Slices.Count) throw new ArgumentException($"slice {slice} is outside 0…{series.Slices.Count - 1}");
        return series.Slices[slice];
    }

    private float[] Plane(string acq, int slice, int echo)
    {
        var s = Slice(acq, slice);
        if (echo < 0 || echo >= s.Echoes.Count) throw new ArgumentException($"echo {echo} is outside 0…{s.Echoes.Count - 1}");
        return s.Echoes[echo].Pixels.ToArray();
    }

    private float[] Volume(string acq, int echo)
    {
        var series = Exam.Get(acq).Series;
        if (echo < 0 || echo >= series.EchoTimesMs.Count) throw new ArgumentException($"echo {echo} is outside 0…{series.EchoTimesMs.Count - 1}");
        int n = series.Slices[0].Geometry.Rows * series.Slices[0].Geometry.Columns;
        var all = new float[n * series.Slices.Count];
        for (int k = 0; k < series.Slices.Count; k++) series.Slices[k].Echoes[echo].Pixels.CopyTo(all.AsSpan(k * n, n));
        return all;
    }

    private static IResult Binary(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length); // little-endian on every platform .NET runs this on
        return Results.Bytes(bytes, "application/octet-stream");
    }

    private async Task<float[]> R2StarSlice(string acq, int slice)
    {
        var a = Exam.Get(acq);
        if (a.EchoCount < 3) throw new ArgumentException($"{a.Label} has {a.EchoCount} echo(es): an R2* map needs at least 3");
        Slice(acq, slice);
        var map = await _maps[acq].Value;
        return map.Slices[slice].R2StarPerSecond;
    }

    // ARLO over the whole series once (closed form, fast); background masked below 10 % of the first echo's 99th percentile.
    private static R2StarMapResult ComputeMap(MultiEchoSeries series)
    {
        var first = series.Slices.SelectMany(s => s.Echoes[0].Pixels.ToArray()).Where(float.IsFinite).ToArray();
        Array.Sort(first);
        double threshold = first.Length == 0 ? 0 : 0.1 * first[(int)(0.99 * (first.Length - 1))];
        return R2StarMap.Compute(series, DecayModels.Arlo, R2StarMapOptions.Default with { MaskThreshold = threshold });
    }

    private string Template(string acq, int slice)
    {
        var g = Slice(acq, slice).Geometry;
        var pixel = RoiTemplates.Rennes(g);
        // Placed in patient millimetres so the discs keep their size and place on every acquisition of the exam.
        var rois = pixel.Rois.Cast<CircleRoi>().Select(c =>
        {
            var p = g.PixelToPatient(c.Center.X, c.Center.Y);
            return (RoiShape)new CircleRoi(c.Name, c.Role, RoiSpace.PatientMm, new RoiPoint(p.X, p.Y, p.Z), Math.Round(c.Radius * g.ColumnSpacingMm, 3));
        }).ToList();
        return new RoiSet(pixel.Description, null, rois).ToJson();
    }

    private EditorSliceMeasurement Measure(JsonNode? body)
    {
        var (acq, slice, set) = Request(body);
        var model = DecayModels.Get(body!["model"]?.GetValue<string>() ?? "mono");
        var calibrationName = body["calibration"]?.GetValue<string>();
        var calibration = string.IsNullOrEmpty(calibrationName) ? null : RelaxometryCalibrations.Get(calibrationName);
        return EditorMeasurement.Measure(Exam.Get(acq).Series, slice, set.Rois, model, calibration);
    }

    private static (string Acq, int Slice, RoiSet Set) Request(JsonNode? body)
    {
        if (body is null) throw new FormatException("empty request");
        var set = RoiSet.FromJson(body["roiSet"]?.ToJsonString() ?? throw new FormatException("no \"roiSet\" in the request"), "the page's ROI set");
        return (body["acq"]?.GetValue<string>() ?? "", body["slice"]?.GetValue<int>() ?? 0, set);
    }

    private IResult Save(JsonNode? body)
    {
        if (body is null) throw new FormatException("empty request");
        var set = RoiSet.FromJson(body["roiSet"]?.ToJsonString() ?? throw new FormatException("no \"roiSet\" in the request"), "the page's ROI set");
        set = set with { FrameOfReferenceUid = Exam.FrameOfReferenceUid };
        var outcome = Store.Save(set, body["baseSha256"]?.GetValue<string>(), body["overwrite"]?.GetValue<bool>() ?? false);
        _log.WriteLine(outcome.Saved ? outcome.Message : $"warning: not saved: {outcome.Message}");
        return Results.Json(outcome, Json, statusCode: outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
    }
}
