using System.Text;
using IronNotebooks.Plotting;

namespace IronNotebooks.Display;

/// <summary>
/// Renders a <see cref="DisplayDocument"/>. HTML: a div of class "ironnb-result" with an h4 title, one table per
/// block (caption, thead with th scope="col", row headers th scope="row"), notes as paragraphs; every piece of text is
/// escaped and every element closed, so the output is well-formed XML as well as HTML. Text: the title underlined,
/// columns padded to their widest cell, notes prefixed "Note:".
/// </summary>
internal static class DisplayRenderer
{
    public static void WriteHtml(DisplayDocument doc, TextWriter w)
    {
        w.Write("<div class=\"ironnb-result\">");
        w.Write("<h4>");
        w.Write(HtmlText.Escape(doc.Title));
        w.Write("</h4>");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case DisplayTable t: WriteHtmlTable(t, w); break;
                case DisplayHtml h: w.Write(h.Html); break;
            }
        }
        foreach (var note in doc.Notes)
        {
            w.Write(note.StartsWith("Warning:", StringComparison.Ordinal) ? "<p class=\"ironnb-warning\"><small>" : "<p class=\"ironnb-note\"><small>");
            w.Write(HtmlText.Escape(note));
            w.Write("</small></p>");
        }
        w.Write("</div>");
    }

    private static void WriteHtmlTable(DisplayTable t, TextWriter w)
    {
        w.Write("<table class=\"ironnb-table\">");
        if (t.Caption is { } caption)
        {
            w.Write("<caption style=\"caption-side:top;text-align:left;font-weight:bold\">");
            w.Write(HtmlText.Escape(caption));
            w.Write("</caption>");
        }
        w.Write("<thead><tr>");
        foreach (var h in t.Headers)
        {
            w.Write("<th scope=\"col\">");
            w.Write(HtmlText.Escape(h));
            w.Write("</th>");
        }
        w.Write("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            w.Write("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                w.Write(i == 0 ? "<th scope=\"row\" style=\"text-align:left\">" : LooksNumeric(row[i]) ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">");
                w.Write(HtmlText.Escape(row[i]));
                w.Write(i == 0 ? "</th>" : "</td>");
            }
            w.Write("</tr>");
        }
        w.Write("</tbody></table>");
    }

    /// <summary>A number, a count, a percentage, an interval or a missing mark (right-aligned), as opposed to words.</summary>
    internal static bool LooksNumeric(string cell)
    {
        if (cell.Length == 0) return true;
        if (cell is Numbers.Missing or "n/a" or "∞" or "-∞") return true;
        char c = cell[0];
        return char.IsAsciiDigit(c) || (c is '-' or '+' or '<' or '≥' or '≤' or '>' && cell.Any(char.IsAsciiDigit));
    }

    public static void WritePlain(DisplayDocument doc, TextWriter w)
    {
        w.Write(doc.Title);
        w.Write('\n');
        w.Write(new string('=', Math.Max(3, doc.Title.Length)));
        w.Write('\n');
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case DisplayTable t: WritePlainTable(t, w); break;
                case DisplayHtml h: w.Write(h.PlainText); w.Write('\n'); break;
            }
        }
        foreach (var note in doc.Notes)
        {
            // Warnings carry their own label; other notes get one.
            if (!note.StartsWith("Warning:", StringComparison.Ordinal)) w.Write("Note: ");
            w.Write(note);
            w.Write('\n');
        }
    }

    private static void WritePlainTable(DisplayTable t, TextWriter w)
    {
        if (t.Caption is { } caption) { w.Write(caption); w.Write('\n'); }
        int columns = Math.Max(t.Headers.Count, t.Rows.Count == 0 ? 0 : t.Rows.Max(r => r.Count));
        var widths = new int[columns];
        void Measure(IReadOnlyList<string> cells) { for (int i = 0; i < cells.Count; i++) widths[i] = Math.Max(widths[i], cells[i].Length); }
        Measure(t.Headers);
        foreach (var r in t.Rows) Measure(r);
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            sb.Clear();
            for (int i = 0; i < columns; i++)
            {
                var c = i < cells.Count ? cells[i] : "";
                if (i > 0) sb.Append("  ");
                // Row names and words left-aligned, numbers right-aligned (they line up on their last digit).
                sb.Append(i > 0 && LooksNumeric(c) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
            }
            w.Write(sb.ToString().TrimEnd());
            w.Write('\n');
        }
        Line(t.Headers);
        w.Write(string.Join("  ", widths.Select(x => new string('-', x))));
        w.Write('\n');
        foreach (var r in t.Rows) Line(r);
        w.Write('\n');
    }
}
