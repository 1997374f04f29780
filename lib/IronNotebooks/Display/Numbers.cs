using System.Globalization;
using IronNotebooks.Statistics;

namespace IronNotebooks.Display;

/// <summary>
/// Number formatting of every display, invariant culture whatever the machine's locale. Precision: rates (s⁻¹) 1
/// decimal, times (ms) 2, LIC (mg/g) 2 and µmol/g 1, proportions as percentages with 1 decimal, AUC, κ, r and other
/// coefficients 3 decimals, p-values 3 decimals or "&lt; 0.001", signal values 4 significant digits. NaN prints "n/a",
/// infinities "∞"/"-∞", absent values "–".
/// </summary>
internal static class Numbers
{
    public const string Missing = "–";

    public static string F(double value, int digits) =>
        double.IsNaN(value) ? "n/a" : double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞") : value.ToString("F" + digits, CultureInfo.InvariantCulture);

    public static string F(double? value, int digits) => value is { } v ? F(v, digits) : Missing;

    /// <summary>Significant digits (signal values, thresholds of unknown scale).</summary>
    public static string G(double value, int significant = 4) =>
        double.IsNaN(value) ? "n/a" : double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞") : value.ToString("G" + significant, CultureInfo.InvariantCulture);

    public static string G(double? value, int significant = 4) => value is { } v ? G(v, significant) : Missing;

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"85.0 %".</summary>
    public static string Percent(double proportion, int digits = 1) => F(proportion * 100, digits) + " %";

    /// <summary>"95" for 0.95.</summary>
    public static string Level(double level) => (level * 100).ToString("0.#", CultureInfo.InvariantCulture);

    public static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "< 0.001" : F(p, 3);

    public static string P(double? p) => p is { } v ? P(v) : Missing;

    /// <summary>"0.851 to 0.973" (written with "to" so negative limits stay readable).</summary>
    public static string Ci(ConfidenceInterval? ci, int digits) => ci is null ? Missing : $"{F(ci.Lower, digits)} to {F(ci.Upper, digits)}";

    /// <summary>"0.6943 to 1.286" with significant digits, for intervals of estimates shown with <see cref="G(double, int)"/>.</summary>
    public static string CiG(ConfidenceInterval? ci, int significant = 4) => ci is null ? Missing : $"{G(ci.Lower, significant)} to {G(ci.Upper, significant)}";

    /// <summary>An interval of a proportion in percent: "62.1 to 96.8 %".</summary>
    public static string CiPercent(ConfidenceInterval? ci) => ci is null ? Missing : $"{F(ci.Lower * 100, 1)} to {F(ci.Upper * 100, 1)} %";

    /// <summary>"85.0 % (17/20)".</summary>
    public static string Proportion(ProportionEstimate? p) => p is null ? Missing : $"{Percent(p.Value)} ({p.Successes}/{p.Trials})";
}
