namespace IronNotebooks.Statistics;

/// <summary>McNemar's test of equal marginal proportions in a paired 2×2 table (see <see cref="McNemar"/>).</summary>
/// <param name="BothPositive">a: positive by both.</param>
/// <param name="FirstOnly">b: positive by the first only.</param>
/// <param name="SecondOnly">c: positive by the second only.</param>
/// <param name="BothNegative">d: negative by both.</param>
/// <param name="ChiSquare">(b − c)²/(b + c), 1 df; null when b + c = 0.</param>
/// <param name="PChiSquare">Its p-value; null when b + c = 0.</param>
/// <param name="ChiSquareCorrected">Edwards' continuity-corrected (|b − c| − 1)²/(b + c) (0 when b = c, as R); null when b + c = 0.</param>
/// <param name="PChiSquareCorrected">Its p-value; null when b + c = 0.</param>
/// <param name="PExact">Exact two-sided p: min(1, 2·P(X ≤ min(b, c))), X ~ Binomial(b + c, ½); 1 when b + c = 0.</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record McNemarResult(int BothPositive, int FirstOnly, int SecondOnly, int BothNegative, double? ChiSquare, double? PChiSquare,
    double? ChiSquareCorrected, double? PChiSquareCorrected, double PExact, IReadOnlyList<string> Warnings)
{
    /// <summary>Total pairs.</summary>
    public int N => BothPositive + FirstOnly + SecondOnly + BothNegative;

    /// <summary>Discordant pairs b + c.</summary>
    public int Discordant => FirstOnly + SecondOnly;
}
