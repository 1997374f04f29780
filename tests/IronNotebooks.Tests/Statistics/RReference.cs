using System.Collections.Concurrent;
using System.Globalization;
using IronNotebooks.Cohorts;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>
/// The committed R reference values (Fixtures/statistics/reference_values.csv, made by make_reference.R beside it; the
/// R and package versions are in reference_provenance.txt) and the datasets they were computed on. Comparisons record
/// the largest absolute difference per family so the agreement figures can be reported.
/// </summary>
internal static class RReference
{
    /// <summary>Deterministic methods must agree with R to this absolute tolerance.</summary>
    public const double Tolerance = 1e-9;

    private static readonly Lazy<Dictionary<(string, string), double>> Values = new(Load);

    /// <summary>Largest |ours − R| seen per family in this test run.</summary>
    public static ConcurrentDictionary<string, double> MaxDifference { get; } = new();

    // IRONNB_AGREEMENT_REPORT=FILE writes the per-family maxima when the test process ends (for the issue tracker).
    static RReference()
    {
        if (Environment.GetEnvironmentVariable("IRONNB_AGREEMENT_REPORT") is { Length: > 0 } file)
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.WriteAllLines(file,
                MaxDifference.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"| {p.Key} | {p.Value.ToString("0.0E+0", CultureInfo.InvariantCulture)} |"));
    }

    public static string Path(string file) => TestPaths.Fixture(System.IO.Path.Combine("statistics", file));

    public static CsvTable Dataset(string file) => CsvTable.Read(Path(file));

    public static bool Has(string dataset, string statistic) => Values.Value.ContainsKey((dataset, statistic));

    public static double Get(string dataset, string statistic) =>
        Values.Value.TryGetValue((dataset, statistic), out var v) ? v : throw new KeyNotFoundException($"No R reference {dataset}/{statistic}.");

    /// <summary>Asserts |actual − R| ≤ tolerance (infinities must match exactly) and records the difference under <paramref name="family"/>.</summary>
    public static void Near(string family, string dataset, string statistic, double actual, double tolerance = Tolerance)
    {
        double expected = Get(dataset, statistic);
        if (double.IsInfinity(expected) || double.IsNaN(expected))
        {
            Assert.True(expected.Equals(actual), $"{dataset}/{statistic}: R {expected}, ours {actual}");
            return;
        }
        double diff = Math.Abs(actual - expected);
        MaxDifference.AddOrUpdate(family, diff, (_, old) => Math.Max(old, diff));
        Assert.True(diff <= tolerance, $"{dataset}/{statistic}: R {expected:R}, ours {actual:R}, |diff| {diff:G3} > {tolerance:G3}");
    }

    private static Dictionary<(string, string), double> Load()
    {
        var table = CsvTable.Read(Path("reference_values.csv"));
        var ds = table.GetStrings("dataset");
        var st = table.GetStrings("statistic");
        var va = table.GetStrings("value");
        var map = new Dictionary<(string, string), double>();
        for (int i = 0; i < table.RowCount; i++)
            map[(ds[i], st[i])] = va[i] switch
            {
                "NA" => double.NaN,
                "Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        return map;
    }
}
