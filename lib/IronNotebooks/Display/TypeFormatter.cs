namespace IronNotebooks.Display;

/// <summary>One type's formatter for one MIME type, in the shape the Polyglot kernel calls by reflection.</summary>
public sealed class TypeFormatter
{
    private readonly ResultView _view;

    internal TypeFormatter(ResultView view, string mimeType)
    {
        _view = view;
        MimeType = mimeType;
    }

    /// <summary>The type formatted (values of derived types too).</summary>
    public Type Type => _view.Type;

    /// <summary>"text/html", "text/plain" or "image/png" (base64).</summary>
    public string MimeType { get; }

    /// <summary>Writes <paramref name="instance"/> in <see cref="MimeType"/>; false (nothing written) for another type.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !Type.IsInstanceOfType(instance)) return false;
        return _view.Write(MimeType, instance, writer);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type.Name} → {MimeType}";
}
