namespace IronNotebooks.Display;

/// <summary>What a view shows: a title, blocks in order (tables, raw HTML such as figures), and notes (method, warnings).</summary>
internal sealed record DisplayDocument(string Title, IReadOnlyList<DisplayBlock> Blocks, IReadOnlyList<string> Notes);

/// <summary>A part of a <see cref="DisplayDocument"/>.</summary>
internal abstract record DisplayBlock;

/// <summary>
/// A table as a paper prints it: a caption, column headers with units, rows whose first cell names the row
/// (rendered as a row header). Cells are text; numbers are formatted by <see cref="Numbers"/> before they get here.
/// </summary>
internal sealed record DisplayTable(string? Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : DisplayBlock;

/// <summary>Trusted HTML made by the library (a Plotly fragment, an image) with its plain-text stand-in.</summary>
internal sealed record DisplayHtml(string Html, string PlainText) : DisplayBlock;
