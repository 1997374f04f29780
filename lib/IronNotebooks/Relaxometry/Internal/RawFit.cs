namespace IronNotebooks.Relaxometry.Internal;

/// <summary>Allocation-free outcome of one engine call (pixel maps use it directly; <see cref="DecayFit"/> wraps it).</summary>
internal struct RawFit
{
    public double R2StarPerSecond, S0, Offset, Rmse, SeR2Star, SeS0, SeOffset;
    public double S0Slow, R2StarSlowPerSecond, SeR2StarSlow;
    public int EchoesUsed, Iterations, NonPositiveExcluded;
    public bool HasOffset, HasSecond;
    /// <summary>The rate ran off to infinity (no finite optimum): the decay is faster than the echo train can measure.</summary>
    public bool RanOff;
    public DecayFitStatus Status;
    public string ExitReason;

    public static RawFit Fail(DecayFitStatus status, string reason, int echoesUsed) => new()
    {
        R2StarPerSecond = double.NaN, S0 = double.NaN, Offset = double.NaN, Rmse = double.NaN, SeR2Star = double.NaN,
        SeS0 = double.NaN, SeOffset = double.NaN, S0Slow = double.NaN, R2StarSlowPerSecond = double.NaN, SeR2StarSlow = double.NaN,
        Status = status, ExitReason = reason, EchoesUsed = echoesUsed,
    };
}
