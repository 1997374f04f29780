namespace IronNotebooks;

/// <summary>
/// Where an input error is: every field is optional. <see cref="Argument"/> is the user-facing name when the caller
/// knows it (a command-line option such as <c>--field</c>) or the library's parameter name otherwise.
/// </summary>
public sealed record ErrorContext
{
    /// <summary>No context.</summary>
    public static ErrorContext None { get; } = new();

    /// <summary>The file or folder concerned.</summary>
    public string? FilePath { get; init; }

    /// <summary>Byte offset in the file.</summary>
    public long? ByteOffset { get; init; }

    /// <summary>A DICOM tag "(gggg,eeee) Name" or a JSON field name (a BIDS sidecar's EchoTime).</summary>
    public string? Tag { get; init; }

    /// <summary>The ROI concerned.</summary>
    public string? Roi { get; init; }

    /// <summary>The argument concerned.</summary>
    public string? Argument { get; init; }

    /// <summary>1-based line of a text file.</summary>
    public int? Line { get; init; }

    /// <summary>Column of a table.</summary>
    public string? Column { get; init; }

    /// <summary>Notebook cell (1-based) or table cell.</summary>
    public string? Cell { get; init; }

    /// <summary>The where-part of a message: "file 'a.dcm', tag (0018,0081) EchoTime".</summary>
    public string Describe()
    {
        var parts = new List<string>(4);
        if (FilePath is not null) parts.Add($"file '{FilePath}'");
        if (ByteOffset is { } o) parts.Add($"offset {o} (0x{o:X})");
        if (Tag is not null) parts.Add($"tag {Tag}");
        if (Roi is not null) parts.Add($"ROI '{Roi}'");
        if (Argument is not null) parts.Add($"argument {Argument}");
        if (Line is { } l) parts.Add($"line {l}");
        if (Column is not null) parts.Add($"column '{Column}'");
        if (Cell is not null) parts.Add($"cell {Cell}");
        return string.Join(", ", parts);
    }
}
