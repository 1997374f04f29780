using Markdig;

namespace IronNotebooks.Notebooks.Reports;

/// <summary>
/// The markdown of notebook prose as HTML, by Markdig (CommonMark, so list items that wrap onto the next line, escapes
/// such as <c>\*</c> and emphasis across line breaks read as they do in VS Code and Jupyter) with pipe tables. Raw HTML
/// is escaped, not passed through: a report shows what the notebook says, never runs what its prose holds.
/// </summary>
internal static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
