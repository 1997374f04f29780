using IronNotebooks.Plotting;

namespace IronNotebooks.Display.Views;

/// <summary>An image shows as &lt;img&gt; with a data URI and its caption, and as image/png (base64) for static viewers.</summary>
internal sealed class PngImageView : ResultView<PngImage>
{
    public override IReadOnlyList<string> MimeTypes { get; } = ["text/html", "text/plain", "image/png"];

    public override DisplayDocument Describe(PngImage p) => new(p.Caption, [new DisplayHtml(Html(p), p.ToString())], []);

    public override bool Write(string mimeType, object value, TextWriter writer)
    {
        var p = (PngImage)value;
        switch (mimeType)
        {
            case "text/html": writer.Write(Html(p)); return true;
            case "text/plain": writer.Write(p.ToString()); return true;
            case "image/png": writer.Write(p.ToBase64()); return true;
            default: return false;
        }
    }

    private static string Html(PngImage p) =>
        $"<figure class=\"ironnb-image\"><img src=\"data:image/png;base64,{p.ToBase64()}\" width=\"{p.Width}\" height=\"{p.Height}\" alt=\"{HtmlText.Escape(p.Caption)}\" />"
        + $"<figcaption>{HtmlText.Escape(p.Caption)}</figcaption></figure>";
}
