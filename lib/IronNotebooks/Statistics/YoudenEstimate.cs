namespace IronNotebooks.Statistics;

/// <summary>
/// Youden's index J = sensitivity + specificity − 1 (Youden 1950, Cancer 3:32,
/// doi:10.1002/1097-0142(1950)3:1&lt;32::AID-CNCR2820030106&gt;3.0.CO;2-3), in [−1, 1], with two MOVER intervals
/// (method of variance estimates recovery; Zou &amp; Donner 2008, Stat Med 27:1693, doi:10.1002/sim.3095), which
/// combine the intervals of the two independent proportions: L = J − √((Se − l_Se)² + (Sp − l_Sp)²),
/// U = J + √((u_Se − Se)² + (u_Sp − Sp)²). With Wilson limits this is Newcombe's hybrid score interval (1998, Stat Med
/// 17:873, doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;873::AID-SIM779&gt;3.0.CO;2-I).
/// </summary>
/// <param name="Value">J.</param>
/// <param name="ClopperPearson">MOVER interval from the Clopper–Pearson limits of Se and Sp.</param>
/// <param name="Wilson">MOVER interval from the Wilson limits (Newcombe).</param>
public sealed record YoudenEstimate(double Value, ConfidenceInterval ClopperPearson, ConfidenceInterval Wilson)
{
    internal static YoudenEstimate From(ProportionEstimate se, ProportionEstimate sp)
    {
        double j = se.Value + sp.Value - 1;
        return new YoudenEstimate(j, Mover(j, se, sp, se.ClopperPearson, sp.ClopperPearson, "MOVER from Clopper–Pearson limits (Zou & Donner 2008)"),
            Mover(j, se, sp, se.Wilson, sp.Wilson, "MOVER from Wilson limits (Newcombe 1998 hybrid score)"));
    }

    private static ConfidenceInterval Mover(double j, ProportionEstimate se, ProportionEstimate sp, ConfidenceInterval a, ConfidenceInterval b, string method) =>
        new(j - Math.Sqrt(Sq(se.Value - a.Lower) + Sq(sp.Value - b.Lower)), j + Math.Sqrt(Sq(a.Upper - se.Value) + Sq(b.Upper - sp.Value)), a.Level, method);

    private static double Sq(double x) => x * x;
}
