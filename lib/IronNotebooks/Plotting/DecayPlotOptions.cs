namespace IronNotebooks.Plotting;

/// <summary>Options of <see cref="DecayPlot"/>; change with <c>with</c>.</summary>
public sealed record DecayPlotOptions
{
    /// <summary>Defaults: linear signal axis, 200 points per curve.</summary>
    public static DecayPlotOptions Default { get; } = new();

    /// <summary>Figure title, or null for one made from the data.</summary>
    public string? Title { get; init; }

    /// <summary>Unit of the signal axis.</summary>
    public string SignalUnit { get; init; } = "a.u.";

    /// <summary>Logarithmic signal axis (a mono-exponential decay is then a straight line).</summary>
    public bool LogSignal { get; init; }

    /// <summary>Points per fitted curve, from TE = 0 to a little past the last echo.</summary>
    public int CurvePoints { get; init; } = 200;
}
