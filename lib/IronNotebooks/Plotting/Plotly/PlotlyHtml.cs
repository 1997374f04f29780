using System.Security.Cryptography;
using System.Text;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>
/// Figures as HTML, for notebooks and reports (contract of issue 7, item 2). A fragment is
/// <c>&lt;div id="…" class="ironnb-plotly"&gt;&lt;/div&gt;&lt;script&gt;…&lt;/script&gt;</c>; its script draws with
/// <c>window.Plotly.newPlot(id, data, layout, config)</c> when plotly.js is already on the page (an HTML report inlines
/// it once in its head), and otherwise (VS Code, Jupyter) loads plotly.js <see cref="PlotlyJsVersion"/> from the CDN,
/// through require.js when the page has it, else with a script tag shared by every figure on the page.
/// <para>The div id is "ironnb-plotly-" + the first 12 hex digits of SHA-256 of the figure's JSON + "-" + how many
/// times that same figure was rendered before in this process, plus one: the same notebook gives the same HTML, and a
/// figure shown twice still gets two ids. A runner that renders several notebooks in one process calls
/// <see cref="ResetIds"/> between them.</para>
/// <para>The script contains neither '&lt;' nor '&amp;' (the JSON escapes them as \u003C, \u0026), so a fragment is also
/// well-formed XML and cannot end its own script element early.</para>
/// </summary>
public static class PlotlyHtml
{
    /// <summary>The plotly.js version fragments load from the CDN; the same as the npm package plotly.js-dist-min the reports inline.</summary>
    public const string PlotlyJsVersion = "4.1.2";

    /// <summary>The CDN address of that version's minified bundle.</summary>
    public const string PlotlyJsCdnUrl = "https://cdn.plot.ly/plotly-" + PlotlyJsVersion + ".min.js";

    /// <summary>The class every fragment's div carries (tests and reports count figures by it).</summary>
    public const string FragmentClass = "ironnb-plotly";

    private static readonly Dictionary<string, int> Rendered = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Forgets how many times each figure was rendered, so ids start again at "-1".</summary>
    public static void ResetIds()
    {
        lock (Gate) Rendered.Clear();
    }

    /// <summary>The HTML fragment that draws <paramref name="figure"/>.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="divId">An explicit id (letters, digits, '-', '_'), or null for the deterministic one.</param>
    /// <param name="heightPx">Height of the div, px (the figure's layout height wins when set).</param>
    /// <exception cref="ArgumentException"><paramref name="divId"/> holds other characters.</exception>
    public static string Fragment(PlotlyFigure figure, string? divId = null, int heightPx = 450)
    {
        var json = PlotlyJson.Serialize(figure);
        var id = divId ?? NextId(json);
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"The div id '{id}' may hold only ASCII letters, digits, '-' and '_'.", nameof(divId));
        int height = figure.Layout.Height ?? Guard.InRange(heightPx, 50, 10000);
        var sb = new StringBuilder(json.Length + 1200);
        sb.Append("<div id=\"").Append(id).Append("\" class=\"").Append(FragmentClass)
          .Append("\" style=\"width:100%;height:").Append(height).Append("px;\"></div>");
        sb.Append("<script type=\"text/javascript\">\n(function () {\n");
        sb.Append("  var id = \"").Append(id).Append("\";\n");
        sb.Append("  var fig = ").Append(json).Append(";\n");
        // No '<' or '&' below: the fragment must stay well-formed XML and must not close its script early.
        sb.Append("""
              function draw(P) { P.newPlot(id, fig.data, fig.layout, fig.config || {}); }
              function fail() { var d = document.getElementById(id); if (d) { d.textContent = "plotly.js could not be loaded from " + url + " (offline?)"; } }
              var url = "
            """).Append(PlotlyJsCdnUrl).Append("""
            ";
              if (window.Plotly) { draw(window.Plotly); return; }
              if (typeof require === "function" ? typeof require.config === "function" : false) {
                require.config({ paths: { plotly: url.replace(/\.js$/, "") } });
                require(["plotly"], function (P) { draw(P ? P : window.Plotly); }, fail);
                return;
              }
              if (!window.__ironnbPlotlyLoading) {
                window.__ironnbPlotlyLoading = new Promise(function (resolve, reject) {
                  var s = document.createElement("script");
                  s.src = url;
                  s.onload = function () { resolve(window.Plotly); };
                  s.onerror = reject;
                  document.head.appendChild(s);
                });
              }
              window.__ironnbPlotlyLoading.then(draw, fail);
            })();

            """);
        sb.Append("</script>");
        return sb.ToString();
    }

    /// <summary>
    /// A standalone HTML page showing <paramref name="figures"/> one below the other. With
    /// <paramref name="plotlyJs"/> (the text of plotly.min.js, read by the caller from a local file; this library never
    /// downloads or ships it) the page works offline; without it the fragments load plotly.js from the CDN.
    /// </summary>
    /// <param name="title">Page title (escaped).</param>
    /// <param name="figures">Figures, in order.</param>
    /// <param name="plotlyJs">plotly.js source to inline once in the head, or null.</param>
    public static string Page(string title, IEnumerable<PlotlyFigure> figures, string? plotlyJs = null)
    {
        Guard.NotNull(title);
        Guard.NotNull(figures);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
          .Append(HtmlText.Escape(title)).Append("</title>\n");
        if (plotlyJs is not null)
            // "</script" inside the bundle would end the element; "<\/script" means the same to JavaScript.
            sb.Append("<script type=\"text/javascript\">").Append(plotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase))
              .Append("</script>\n");
        sb.Append("</head>\n<body>\n<h1>").Append(HtmlText.Escape(title)).Append("</h1>\n");
        foreach (var f in figures) sb.Append(Fragment(f)).Append('\n');
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string NextId(string json)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
        int n;
        lock (Gate)
        {
            Rendered.TryGetValue(hash, out n);
            Rendered[hash] = ++n;
        }
        return $"ironnb-plotly-{hash}-{n}";
    }
}
