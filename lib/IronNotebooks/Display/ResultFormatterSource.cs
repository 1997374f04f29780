using System.Collections;

namespace IronNotebooks.Display;

/// <summary>
/// The formatter source named by every <see cref="TypeFormatterSourceAttribute"/> in this library: one
/// <see cref="TypeFormatter"/> per registered view and MIME type (<see cref="ResultViews"/>). Each formatter declines
/// (returns false) for values of other types, so a caller may simply try them all.
/// </summary>
public sealed class ResultFormatterSource
{
    /// <summary>The formatters: text/html and text/plain for every view, image/png where a view gives one.</summary>
    public IEnumerable CreateTypeFormatters() =>
        ResultViews.All.SelectMany(v => v.MimeTypes.Select(m => new TypeFormatter(v, m))).ToList();
}
