namespace IronNotebooks.Display;

/// <summary>
/// Marks a result type as displayable in Polyglot notebooks without a package reference: the .NET Interactive kernel
/// (and the project's own runner) find this attribute by its type name on the runtime type of a displayed value
/// (inherited attributes count), create <see cref="FormatterSourceType"/> with its parameterless constructor, call its
/// <c>CreateTypeFormatters()</c> and ask each formatter to <c>Format(object, TextWriter)</c> for its <c>MimeType</c>
/// (docs/architecture.md, Notebooks, "Display convention").
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = true, AllowMultiple = false)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Names the formatter source.</summary>
    /// <param name="formatterSourceType">A type with a public parameterless constructor and a public <c>CreateTypeFormatters()</c>.</param>
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>The formatter source (normally <see cref="ResultFormatterSource"/>).</summary>
    public Type FormatterSourceType { get; }

    /// <summary>MIME types the kernel should prefer, in order, or null for its default (text/html for C#).</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
