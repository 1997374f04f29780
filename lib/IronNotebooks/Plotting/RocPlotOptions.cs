namespace IronNotebooks.Plotting;

/// <summary>Options of <see cref="RocPlot"/>; change with <c>with</c>.</summary>
public sealed record RocPlotOptions
{
    /// <summary>Defaults.</summary>
    public static RocPlotOptions Default { get; } = new();

    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "ROC curve";

    /// <summary>Unit of the scores, shown with the cut-off thresholds on hover (e.g. "s⁻¹"), or null.</summary>
    public string? ScoreUnit { get; init; }

    /// <summary>AUC digits in the legend.</summary>
    public int AucDigits { get; init; } = 3;
}
