namespace IronNotebooks.Reproduction;

/// <summary>
/// The notebook display convention (notebooks.md): Polyglot Notebooks and the <c>ironnb</c> runner match this attribute
/// by its name only. Declared here, internal, so Reproduction does not depend on the Display folder; it has the same
/// shape as IronNotebooks.Display's and can be replaced by it.
/// </summary>
/// <param name="formatterSourceType">A type with a public parameterless constructor and a public CreateTypeFormatters().</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The formatter source.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>MIME types to produce by default, most preferred first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
