using IronNotebooks.Statistics;

namespace IronNotebooks.Plotting;

/// <summary>Options of <see cref="MethodComparisonPlot"/>; change with <c>with</c>.</summary>
public sealed record MethodComparisonPlotOptions
{
    /// <summary>Defaults: x "method A", y "method B", identity line on, no fitted lines.</summary>
    public static MethodComparisonPlotOptions Default { get; } = new();

    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Method comparison";

    /// <summary>x-axis title with its unit, e.g. "R2* scanner A (s⁻¹)".</summary>
    public string XTitle { get; init; } = "method A";

    /// <summary>y-axis title with its unit.</summary>
    public string YTitle { get; init; } = "method B";

    /// <summary>Draw the line of identity y = x over the common range.</summary>
    public bool IdentityLine { get; init; } = true;

    /// <summary>Fitted lines to draw (OLS, Deming, Passing–Bablok from <see cref="MethodComparison"/>), each over the x range.</summary>
    public IReadOnlyList<RegressionLine> Lines { get; init; } = [];

    /// <summary>Hover label of each point (subject ids), or null.</summary>
    public IReadOnlyList<string>? PointLabels { get; init; }
}
