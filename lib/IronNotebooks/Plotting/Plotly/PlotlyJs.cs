namespace IronNotebooks.Plotting.Plotly;

/// <summary>
/// Finds plotly.min.js of the npm package plotly.js-dist-min (MIT), which environment/fetch-plotly.sh caches outside the
/// repository. Reports inline it once so they open offline; it is never committed. Notebooks and the CLI find it here
/// rather than searching the cache themselves, so every report inlines the same version.
/// </summary>
public static class PlotlyJs
{
    /// <summary>
    /// The plotly.js version reports inline: the one figures load from the CDN inside VS Code
    /// (<see cref="PlotlyHtml.PlotlyJsVersion"/>) and the one environment/fetch-plotly.sh fetches.
    /// </summary>
    public const string Version = PlotlyHtml.PlotlyJsVersion;

    /// <summary>
    /// The path of plotly.min.js, or null: $IRONNB_PLOTLY_JS (a file), else
    /// <c>$IRONNB_PLOTLY_CACHE/plotly.js-dist-min-{Version}/plotly.min.js</c>, else the same under
    /// <c>${XDG_CACHE_HOME:-~/.cache}/ironnotebooks</c>.
    /// </summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("IRONNB_PLOTLY_JS") is { Length: > 0 } explicitPath)
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("IRONNB_PLOTLY_CACHE") is { Length: > 0 } cache) roots.Add(cache);
        string xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x
            ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        roots.Add(Path.Combine(xdg, "ironnotebooks"));
        return roots.Select(r => Path.Combine(r, $"plotly.js-dist-min-{Version}", "plotly.min.js")).FirstOrDefault(File.Exists);
    }
}
