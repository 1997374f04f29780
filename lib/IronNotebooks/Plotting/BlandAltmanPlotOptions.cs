namespace IronNotebooks.Plotting;

/// <summary>Options of <see cref="BlandAltmanPlot"/>; change with <c>with</c>.</summary>
public sealed record BlandAltmanPlotOptions
{
    /// <summary>Defaults: methods "a" and "b", no unit, interval bands shown.</summary>
    public static BlandAltmanPlotOptions Default { get; } = new();

    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Bland–Altman";

    /// <summary>Name of the first method (a; differences are b − a).</summary>
    public string MethodA { get; init; } = "a";

    /// <summary>Name of the second method (b).</summary>
    public string MethodB { get; init; } = "b";

    /// <summary>Unit of the measurements, e.g. "s⁻¹" or "mg/g", or null.</summary>
    public string? Unit { get; init; }

    /// <summary>Shade the confidence intervals of the bias and of both limits.</summary>
    public bool ShowIntervals { get; init; } = true;

    /// <summary>Draw the proportional-bias regression of the differences on the means.</summary>
    public bool ShowProportionalBias { get; init; }

    /// <summary>Digits of the values written beside the lines.</summary>
    public int Digits { get; init; } = 2;

    /// <summary>Hover label of each pair (subject ids), or null.</summary>
    public IReadOnlyList<string>? PointLabels { get; init; }
}
