using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IronNotebooks.RoiEditor.Tests;

/// <summary>
/// Debian's headless Chromium driven through the DevTools protocol over its WebSocket (the protocol Playwright speaks
/// to Chromium, without a Node driver or a browser download): navigate, evaluate, real mouse events, screenshots,
/// console messages.
/// </summary>
public sealed partial class ChromiumSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private int _nextId;
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly Task _reader;

    /// <summary>Console messages and uncaught exceptions of the page ("level: text").</summary>
    public List<string> Console { get; } = [];

    private ChromiumSession(Process process, string profile, string webSocketUrl)
    {
        _process = process;
        _profile = profile;
        _socket.ConnectAsync(new Uri(webSocketUrl), CancellationToken.None).GetAwaiter().GetResult();
        _reader = Task.Run(ReadLoop);
    }

    public static async Task<ChromiumSession> LaunchAsync(string chromium, int width, int height)
    {
        var profile = Path.Combine(Path.GetTempPath(), "ironnb-cdp-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--window-size={width},{height}",
            "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", $"--user-data-dir={profile}", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank" })
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? browserWs = null;
        while (browserWs is null && DateTime.UtcNow < deadline)
        {
            var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null) break;
            var m = DevToolsLine().Match(line);
            if (m.Success) browserWs = m.Groups[1].Value;
        }
        if (browserWs is null) { process.Kill(true); throw new InvalidOperationException("Chromium did not print its DevTools address."); }
        _ = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is not null) { } });
        var port = new Uri(browserWs).Port;
        using var http = new HttpClient();
        string? pageWs = null;
        for (int i = 0; i < 50 && pageWs is null; i++)
        {
            var list = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            pageWs = list.FirstOrDefault(t => t!["type"]!.GetValue<string>() == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (pageWs is null) await Task.Delay(100);
        }
        var session = new ChromiumSession(process, profile, pageWs ?? throw new InvalidOperationException("Chromium has no page target."));
        await session.SendAsync("Runtime.enable");
        await session.SendAsync("Page.enable");
        return session;
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();

    public async Task<JsonNode> SendAsync(string method, object? parameters = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending) _pending[id] = tcs;
        var json = JsonSerializer.Serialize(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        var reply = await tcs.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (reply["error"] is JsonNode error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return reply["result"]!;
    }

    /// <summary>Evaluates an expression (awaiting a promise) and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true });
        if (result["exceptionDetails"] is JsonNode ex) throw new InvalidOperationException($"page threw: {ex.ToJsonString()}");
        return result["result"]!["value"];
    }

    public async Task WaitForAsync(string condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await EvaluateAsync($"!!({condition})"))?.GetValue<bool>() == true) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"'{condition}' did not become true within {timeout.TotalSeconds} s; console: {string.Join(" | ", Console)}");
    }

    public Task MouseAsync(string type, double x, double y, string button = "left", int buttons = 1) =>
        SendAsync("Input.dispatchMouseEvent", new { type, x, y, button, buttons, clickCount = 1 });

    /// <summary>Press, move in steps, release: a real drag as a hand makes it.</summary>
    public async Task DragAsync(double x0, double y0, double x1, double y1, int steps = 12)
    {
        await MouseAsync("mouseMoved", x0, y0, "none", 0);
        await MouseAsync("mousePressed", x0, y0);
        for (int i = 1; i <= steps; i++) await MouseAsync("mouseMoved", x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
        await MouseAsync("mouseReleased", x1, y1);
    }

    public async Task ClickAsync(string selector)
    {
        var box = await EvaluateAsync($"(() => {{ const r = document.querySelector({JsonSerializer.Serialize(selector)}).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()");
        double x = box![0]!.GetValue<double>(), y = box[1]!.GetValue<double>();
        await MouseAsync("mousePressed", x, y);
        await MouseAsync("mouseReleased", x, y);
    }

    public async Task<byte[]> ScreenshotAsync() => Convert.FromBase64String((await SendAsync("Page.captureScreenshot", new { format = "png" }))["data"]!.GetValue<string>());

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult r;
            try { r = await _socket.ReceiveAsync(buffer, CancellationToken.None); }
            catch (WebSocketException) { break; }
            if (r.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, r.Count);
            if (!r.EndOfMessage) continue;
            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            if (node["id"] is JsonNode id)
            {
                TaskCompletionSource<JsonNode>? tcs;
                lock (_pending) _pending.Remove(id.GetValue<int>(), out tcs);
                tcs?.TrySetResult(node);
            }
            else if (node["method"]?.GetValue<string>() == "Runtime.consoleAPICalled")
            {
                var args = node["params"]!["args"]!.AsArray().Select(a => a!["value"]?.ToString() ?? a!["description"]?.ToString());
                lock (Console) Console.Add($"{node["params"]!["type"]}: {string.Join(" ", args)}");
            }
            else if (node["method"]?.GetValue<string>() == "Runtime.exceptionThrown")
                lock (Console) Console.Add("exception: " + node["params"]!["exceptionDetails"]!.ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is InvalidOperationException or TimeoutException or WebSocketException) { }
        if (!_process.WaitForExit(5000)) _process.Kill(true);
        _socket.Dispose();
        try { Directory.Delete(_profile, true); } catch (IOException) { }
    }
}
