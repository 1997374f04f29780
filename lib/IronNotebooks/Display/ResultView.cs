namespace IronNotebooks.Display;

/// <summary>
/// How one result type is displayed. A view describes a value as a <see cref="DisplayDocument"/> (title, tables, notes)
/// and the renderers turn that into HTML and aligned text, so both MIME types always say the same thing. Adding a type:
/// derive a small <see cref="ResultView{T}"/>, add one line to <see cref="ResultViews.All"/>, and put
/// <c>[TypeFormatterSource(typeof(ResultFormatterSource))]</c> on the type.
/// </summary>
internal abstract class ResultView
{
    public abstract Type Type { get; }

    public virtual IReadOnlyList<string> MimeTypes { get; } = ["text/html", "text/plain"];

    public abstract DisplayDocument DescribeObject(object value);

    /// <summary>Writes the value; false when this view has no such MIME type.</summary>
    public virtual bool Write(string mimeType, object value, TextWriter writer)
    {
        switch (mimeType)
        {
            case "text/html": DisplayRenderer.WriteHtml(DescribeObject(value), writer); return true;
            case "text/plain": DisplayRenderer.WritePlain(DescribeObject(value), writer); return true;
            default: return false;
        }
    }
}

/// <summary>A view of <typeparamref name="T"/>.</summary>
internal abstract class ResultView<T> : ResultView where T : notnull
{
    public sealed override Type Type => typeof(T);

    public sealed override DisplayDocument DescribeObject(object value) => Describe((T)value);

    public abstract DisplayDocument Describe(T value);
}
