using System.Collections;
using System.Globalization;
using System.Net;

namespace IronNotebooks.Reproduction;

/// <summary>Formatters for <see cref="PublishedCheck"/> under the notebook display convention (text/html, text/plain and the check JSON).</summary>
public sealed class PublishedCheckFormatterSource
{
    /// <summary>The three formatters.</summary>
    public IEnumerable CreateTypeFormatters() =>
        new[] { new PublishedCheckFormatter("text/html"), new PublishedCheckFormatter("text/plain"), new PublishedCheckFormatter(PublishedCheck.MimeType) };
}

/// <summary>Writes a <see cref="PublishedCheck"/> as one MIME type.</summary>
/// <param name="mimeType">text/html, text/plain or <see cref="PublishedCheck.MimeType"/>.</param>
public sealed class PublishedCheckFormatter(string mimeType)
{
    /// <summary>The MIME type written.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The type formatted.</summary>
    public Type Type => typeof(PublishedCheck);

    /// <summary>Writes the check; false for any other value.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not PublishedCheck c) return false;
        switch (MimeType)
        {
            case "text/plain":
                writer.Write(c.ToString());
                return true;
            case PublishedCheck.MimeType:
                writer.Write(c.ToJson());
                return true;
            case "text/html":
                bool match = c.Verdict == CheckVerdict.Match;
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"<div class=\"ironnb-check\" data-verdict=\"{(match ? "match" : "differs")}\" style=\"font-family:sans-serif;padding:4px 8px;border-left:4px solid {(match ? "#2a7d2a" : "#b00020")}\">"
                    + $"<b>{WebUtility.HtmlEncode(c.Quantity)}</b>: published {c.Published:G6}, reproduced {c.Reproduced:G6} {WebUtility.HtmlEncode(c.Unit)} "
                    + $"(tolerance ±{c.Tolerance:G6}) → <b>{(match ? "match" : "DIFFERS")}</b> <small>{WebUtility.HtmlEncode(c.Source)}</small></div>"));
                return true;
            default:
                return false;
        }
    }
}
