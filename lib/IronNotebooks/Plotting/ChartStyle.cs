using System.Globalization;
using IronNotebooks.Plotting.Plotly;

namespace IronNotebooks.Plotting;

/// <summary>Colours and number formatting shared by the chart builders, so every chart reads alike.</summary>
internal static class ChartStyle
{
    /// <summary>Plotly's default colour sequence (D3 category 10), so figures look as Plotly users expect.</summary>
    public static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public const string ReferenceGrey = "#555555";

    public static string Colour(int index) => Palette[index % Palette.Length];

    /// <summary>Fixed-point, invariant culture; "n/a" for NaN, "∞" for infinities.</summary>
    public static string F(double value, int digits) =>
        double.IsNaN(value) ? "n/a" : double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞") : value.ToString("F" + digits, CultureInfo.InvariantCulture);

    /// <summary>"95" from 0.95, "90" from 0.9, "97.5" from 0.975.</summary>
    public static string Percent(double level) => (level * 100).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>" (unit)" or "".</summary>
    public static string Unit(string? unit) => string.IsNullOrEmpty(unit) ? "" : $" ({unit})";

    public static PlotlyConfig Config(string fileName) => PlotlyConfig.Default with
    {
        ToImageButtonOptions = new PlotlyImageOptions("png", fileName, 2),
    };

    /// <summary>Evenly spaced values from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static double[] Grid(double from, double to, int count)
    {
        var g = new double[count];
        for (int i = 0; i < count; i++) g[i] = from + (to - from) * i / (count - 1);
        return g;
    }
}
