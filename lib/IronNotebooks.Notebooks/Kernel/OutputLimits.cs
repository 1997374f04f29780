using System.Globalization;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>
/// Per-cell output caps (issue 13: one cell printing 200,000 lines made a 21 MB notebook and a 24 MB report). Past a
/// cap the text says so where it was cut, as "… N lines truncated …"; nothing is dropped without a word.
/// </summary>
/// <param name="StreamHeadLines">Lines of stdout (and, separately, of stderr) kept from the start of a cell's output.</param>
/// <param name="StreamTailLines">Lines kept from the end of that stream once the head is full (the last lines usually say how it ended).</param>
/// <param name="StreamHeadChars">Characters kept in the head of a stream, whichever of lines and characters is reached first.</param>
/// <param name="LineChars">Longest single line kept; the rest of a longer line is replaced by "… N characters truncated".</param>
/// <param name="DisplayChars">Largest displayed value (all its MIME types together); a larger one is replaced by a text/plain note.</param>
public sealed record OutputLimits(int StreamHeadLines, int StreamTailLines, int StreamHeadChars, int LineChars, int DisplayChars)
{
    /// <summary>
    /// The documented defaults (README "Notebooks"): 1,000 head + 200 tail lines and 200,000 head characters per stream
    /// per cell, lines of at most 10,000 characters, displayed values of at most 8,000,000 characters (an R2* map of a
    /// 256×256 slice as a Plotly heatmap is about 0.5 MB).
    /// </summary>
    public static OutputLimits Default { get; } = new(1_000, 200, 200_000, 10_000, 8_000_000);

    /// <summary>The marker for cut lines.</summary>
    internal static string LinesTruncated(long lines) =>
        string.Create(CultureInfo.InvariantCulture, $"… {lines:N0} lines truncated (per-cell output limit; see the README, \"Notebooks\") …\n");
}
