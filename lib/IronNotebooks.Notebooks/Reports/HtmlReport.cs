using System.Globalization;
using System.Net;
using System.Text;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Running;

namespace IronNotebooks.Notebooks.Reports;

/// <summary>
/// A self-contained HTML page of an executed notebook: prose, code, outputs, failed cells and checks of published
/// figures. plotly.js is inlined once in &lt;head&gt; so every figure fragment finds <c>window.Plotly</c> and the page
/// opens offline; without it the fragments load plotly.js from the CDN and a banner says so.
/// </summary>
public static class HtmlReport
{
    /// <summary>Writes the report; returns the warnings (plotly.js not found).</summary>
    /// <param name="run">The run to show.</param>
    /// <param name="path">The .html file to write.</param>
    /// <param name="plotlyJsPath">plotly.min.js to inline (the CLI passes the library's PlotlyJs.Locate()); null or a
    /// missing file: not inlined, with a warning.</param>
    public static IReadOnlyList<string> Write(NotebookRun run, string path, string? plotlyJsPath)
    {
        var warnings = new List<string>();
        string? plotly = null;
        if (plotlyJsPath is not null && File.Exists(plotlyJsPath)) plotly = File.ReadAllText(plotlyJsPath);
        else warnings.Add("plotly.js was not found (run environment/fetch-plotly.sh or set IRONNB_PLOTLY_JS); the report's figures need internet access.");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, Render(run, plotly), new UTF8Encoding(false));
        return warnings;
    }

    /// <summary>The report as a string; <paramref name="plotlyJs"/> is the script text to inline, or null.</summary>
    public static string Render(NotebookRun run, string? plotlyJs)
    {
        var h = new StringBuilder();
        string title = WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(run.Name));
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"generator\" content=\"ironnb\">\n<title>").Append(title).Append("</title>\n<style>").Append(Css).Append("</style>\n");
        if (plotlyJs is not null)
            // A literal "</script" inside the bundle would end the element early.
            h.Append("<script type=\"text/javascript\" id=\"ironnb-plotly-js\">").Append(plotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script>\n");
        h.Append("</head>\n<body>\n<header><h1>").Append(title).Append("</h1>\n<p class=\"meta\">");
        int failed = run.Failed.Count, ran = run.Cells.Count(c => c.Status is CellRunStatus.Succeeded or CellRunStatus.Failed);
        h.Append(CultureInfo.InvariantCulture, $"{ran} code cells run, {failed} failed, {run.TotalMs / 1000:0.0} s; ")
            .Append(WebUtility.HtmlEncode(run.Name)).Append(", run ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</p>\n");
        if (plotlyJs is null) h.Append("<p class=\"banner\">plotly.js was not inlined: figures load it from the CDN and need internet access.</p>\n");
        if (run.KernelEnded is not null)
            h.Append("<p class=\"banner\">The kernel ended early: ").Append(WebUtility.HtmlEncode(run.KernelEnded)).Append(".</p>\n");
        foreach (var f in run.Failed)
            h.Append(CultureInfo.InvariantCulture, $"<p class=\"banner\"><a href=\"#cell-{f.Cell}\">Cell {f.Cell} failed</a>: ")
                .Append(WebUtility.HtmlEncode($"{f.Error?.EName}: {f.Error?.EValue}")).Append("</p>\n");
        if (run.Checks.Count > 0) AppendChecks(h, run.Checks);
        h.Append("</header>\n<main>\n");
        var statusByCell = run.Cells.ToDictionary(c => c.Cell);
        for (int i = 0; i < run.Executed.Cells.Count; i++)
        {
            var cell = run.Executed.Cells[i];
            int position = i + 1;
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    h.Append(CultureInfo.InvariantCulture, $"<section class=\"md\" id=\"cell-{position}\">").Append(MarkdownHtml.Render(cell.Source)).Append("</section>\n");
                    break;
                case CellKind.Raw:
                    h.Append(CultureInfo.InvariantCulture, $"<section class=\"raw\" id=\"cell-{position}\"><pre>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre></section>\n");
                    break;
                default:
                    string status = statusByCell.TryGetValue(position, out var r) ? r.Status.ToString().ToLowerInvariant() : "notrun";
                    h.Append(CultureInfo.InvariantCulture, $"<section class=\"code {status}\" id=\"cell-{position}\">")
                        .Append(CultureInfo.InvariantCulture, $"<div class=\"prompt\">[{(cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ")}]</div>")
                        .Append("<pre class=\"source\"><code>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n");
                    foreach (var o in cell.Outputs) AppendOutput(h, o);
                    h.Append("</section>\n");
                    break;
            }
        }
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void AppendChecks(StringBuilder h, IReadOnlyList<CheckRecord> checks)
    {
        h.Append("<table class=\"checks\"><thead><tr><th>quantity</th><th>published</th><th>reproduced</th><th>tolerance</th><th>verdict</th><th>source</th></tr></thead><tbody>\n");
        foreach (var c in checks)
            h.Append(CultureInfo.InvariantCulture, $"<tr class=\"{c.Verdict}\"><td><a href=\"#cell-{c.Cell}\">").Append(WebUtility.HtmlEncode(c.Quantity)).Append("</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{c.Published:G6} {WebUtility.HtmlEncode(c.Unit)}</td><td>{c.Reproduced:G6}</td><td>±{c.Tolerance:G6}</td><td>{c.Verdict}</td><td>")
                .Append(WebUtility.HtmlEncode(c.Source)).Append("</td></tr>\n");
        h.Append("</tbody></table>\n");
    }

    private static void AppendOutput(StringBuilder h, CellOutput output)
    {
        switch (output)
        {
            case StreamOutput s:
                h.Append($"<pre class=\"stream {s.Name}\">").Append(WebUtility.HtmlEncode(s.Text)).Append("</pre>\n");
                break;
            case ErrorOutput e:
                h.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode($"{e.EName}: {e.EValue}\n{string.Join("\n", e.Traceback)}")).Append("</pre>\n");
                break;
            case DisplayOutput d:
                h.Append("<div class=\"output\">");
                // The richest form the report can show, as Jupyter picks it.
                if (d.Data.TryGetValue("text/html", out var html)) h.Append(html);
                else if (d.Data.TryGetValue("image/png", out var png)) h.Append("<img alt=\"figure\" src=\"data:image/png;base64,").Append(png.Trim()).Append("\">");
                else if (d.Data.TryGetValue("image/svg+xml", out var svg)) h.Append(svg);
                else if (d.Data.TryGetValue("text/markdown", out var md)) h.Append(MarkdownHtml.Render(md));
                else if (d.Data.TryGetValue("text/plain", out var text)) h.Append("<pre>").Append(WebUtility.HtmlEncode(text)).Append("</pre>");
                h.Append("</div>\n");
                break;
        }
    }

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:0 auto;padding:1em 2em;color:#222}
        header{border-bottom:1px solid #ccc;margin-bottom:1em} .meta{color:#666;font-size:.9em}
        .banner{background:#fdecea;border-left:4px solid #b00020;padding:.4em .8em}
        section.code{margin:1em 0;position:relative} .prompt{color:#888;font-family:monospace;font-size:.8em}
        pre{background:#f6f8fa;padding:.6em .8em;overflow-x:auto;font-size:.88em;margin:.3em 0}
        pre.source{border-left:3px solid #4a78c2} section.failed pre.source{border-left-color:#b00020}
        pre.error{background:#fdecea;color:#7a0014} pre.stderr{background:#fff8e1}
        .output{margin:.3em 0;overflow-x:auto} table{border-collapse:collapse;margin:.6em 0} th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}
        table.checks tr.differs td{background:#fdecea} table.checks tr.match td{background:#eaf6ea}
        """;
}
