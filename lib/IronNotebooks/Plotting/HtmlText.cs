using System.Text;

namespace IronNotebooks.Plotting;

/// <summary>HTML escaping for text from data (ROI names, series descriptions, method names).</summary>
public static class HtmlText
{
    /// <summary>Replaces &amp;, &lt;, &gt;, " and ' with entities; everything else (µ, ⁻¹, –) stays as UTF-8 text.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
