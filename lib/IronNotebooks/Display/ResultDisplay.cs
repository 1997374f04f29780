namespace IronNotebooks.Display;

/// <summary>
/// The display of library results as strings, for code that is not a notebook kernel (reports, tests, the CLI):
/// the same HTML and text a notebook shows.
/// </summary>
public static class ResultDisplay
{
    /// <summary>True when the library has a view for <paramref name="type"/> (or a base type of it).</summary>
    public static bool CanDisplay(Type type) => ResultViews.For(Guard.NotNull(type)) is not null;

    /// <summary>The value as an HTML fragment.</summary>
    /// <exception cref="ArgumentException">No view for the value's type.</exception>
    public static string ToHtml(object value) => Render(value, "text/html");

    /// <summary>The value as plain text (tables aligned for a monospaced font).</summary>
    /// <exception cref="ArgumentException">No view for the value's type.</exception>
    public static string ToPlainText(object value) => Render(value, "text/plain");

    private static string Render(object value, string mime)
    {
        Guard.NotNull(value);
        var view = ResultViews.For(value.GetType())
            ?? throw new ArgumentException($"No display view for {value.GetType().FullName}; see IronNotebooks.Display.ResultViews.", nameof(value));
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        view.Write(mime, value, w);
        return w.ToString();
    }
}
