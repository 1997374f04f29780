using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IronNotebooks.Notebooks.Reports;

/// <summary>
/// The markdown of notebook prose as HTML: headings, paragraphs, bullet and numbered lists, fenced code, block quotes,
/// pipe tables, inline code, bold, italics, links and images. Raw HTML is escaped, not passed through: a report shows
/// what the notebook says, never runs what its prose holds.
/// </summary>
internal static partial class MarkdownHtml
{
    public static string Render(string markdown)
    {
        var html = new StringBuilder();
        var lines = markdown.Split('\n');
        for (int i = 0; i < lines.Length;)
        {
            string line = lines[i];
            string t = line.Trim();
            if (t.Length == 0) { i++; continue; }
            if (t.StartsWith("```", StringComparison.Ordinal))
            {
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++) code.Add(lines[i]);
                i++;
                html.Append("<pre><code>").Append(WebUtility.HtmlEncode(string.Join("\n", code))).Append("</code></pre>\n");
                continue;
            }
            if (Heading().Match(t) is { Success: true } h)
            {
                int level = h.Groups[1].Value.Length;
                html.Append($"<h{level}>").Append(Inline(h.Groups[2].Value)).Append($"</h{level}>\n");
                i++;
                continue;
            }
            if (t.StartsWith('|') && i + 1 < lines.Length && TableRule().IsMatch(lines[i + 1].Trim()))
            {
                html.Append("<table><thead><tr>");
                foreach (var c in Cells(t)) html.Append("<th>").Append(Inline(c)).Append("</th>");
                html.Append("</tr></thead><tbody>\n");
                for (i += 2; i < lines.Length && lines[i].Trim().StartsWith('|'); i++)
                {
                    html.Append("<tr>");
                    foreach (var c in Cells(lines[i].Trim())) html.Append("<td>").Append(Inline(c)).Append("</td>");
                    html.Append("</tr>\n");
                }
                html.Append("</tbody></table>\n");
                continue;
            }
            if (ListItem().IsMatch(t))
            {
                bool ordered = char.IsDigit(t[0]);
                html.Append(ordered ? "<ol>\n" : "<ul>\n");
                for (; i < lines.Length && ListItem().Match(lines[i].Trim()) is { Success: true } m && char.IsDigit(lines[i].Trim()[0]) == ordered; i++)
                    html.Append("<li>").Append(Inline(m.Groups[1].Value)).Append("</li>\n");
                html.Append(ordered ? "</ol>\n" : "</ul>\n");
                continue;
            }
            if (t.StartsWith('>'))
            {
                var quote = new List<string>();
                for (; i < lines.Length && lines[i].Trim().StartsWith('>'); i++) quote.Add(lines[i].Trim()[1..].Trim());
                html.Append("<blockquote>").Append(Inline(string.Join(" ", quote))).Append("</blockquote>\n");
                continue;
            }
            var paragraph = new List<string>();
            for (; i < lines.Length && lines[i].Trim().Length > 0 && !StartsBlock(lines[i].Trim()); i++) paragraph.Add(lines[i].Trim());
            if (paragraph.Count == 0) { paragraph.Add(t); i++; }
            html.Append("<p>").Append(Inline(string.Join("\n", paragraph))).Append("</p>\n");
        }
        return html.ToString();
    }

    private static bool StartsBlock(string t) => t.StartsWith("```", StringComparison.Ordinal) || Heading().IsMatch(t) || ListItem().IsMatch(t) || t.StartsWith('>') || t.StartsWith('|');

    private static IEnumerable<string> Cells(string row) => row.Trim('|').Split('|').Select(c => c.Trim());

    private static string Inline(string text)
    {
        // Code spans first, so their contents are not read as emphasis or links.
        var parts = text.Split('`');
        var sb = new StringBuilder();
        for (int k = 0; k < parts.Length; k++)
        {
            string enc = WebUtility.HtmlEncode(parts[k]);
            if (k % 2 == 1 && k < parts.Length - 1) { sb.Append("<code>").Append(enc).Append("</code>"); continue; }
            enc = Image().Replace(enc, m => $"<img alt=\"{m.Groups[1].Value}\" src=\"{SafeUrl(m.Groups[2].Value)}\">");
            enc = Link().Replace(enc, m => $"<a href=\"{SafeUrl(m.Groups[2].Value)}\">{m.Groups[1].Value}</a>");
            enc = Bold().Replace(enc, "<strong>$2</strong>");
            enc = Italic().Replace(enc, "<em>$2</em>");
            sb.Append(k % 2 == 1 ? "`" + enc : enc);
        }
        return sb.ToString().Replace("\n", "<br>\n", StringComparison.Ordinal);
    }

    // javascript: links would run script in the report.
    private static string SafeUrl(string url) => url.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ? "#" : url;

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
    private static partial Regex Italic();
}
