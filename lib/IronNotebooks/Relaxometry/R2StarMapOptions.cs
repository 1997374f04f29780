namespace IronNotebooks.Relaxometry;

/// <summary>Settings of <see cref="R2StarMap"/>; change with <c>with</c>.</summary>
/// <param name="Fit">Engine settings passed to every pixel fit.</param>
/// <param name="MaskThreshold">Pixels whose first-echo signal is below this are not fitted (status <see cref="DecayFitStatus.Masked"/>);
/// default 0 fits every pixel with positive first echo.</param>
/// <param name="MaxDegreeOfParallelism">Threads; −1 (default) uses all cores.</param>
public sealed record R2StarMapOptions(DecayFitOptions Fit, double MaskThreshold = 0, int MaxDegreeOfParallelism = -1)
{
    /// <summary>The defaults.</summary>
    public static R2StarMapOptions Default { get; } = new(DecayFitOptions.Default);
}
