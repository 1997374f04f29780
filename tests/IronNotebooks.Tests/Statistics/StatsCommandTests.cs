using IronNotebooks.Dicom.Tests.Support;
using System.Text.Json;
using IronNotebooks.Cli;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>`ironnb stats …`: the JSON contract of docs/architecture.md, the numbers equal the library's, bad input exits 2 naming what is wrong.</summary>
public class StatsCommandTests
{

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliHarness.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ironnb-stats-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Roc_Json_HasTheContractFieldsWithTheLibrarysNumbers()
    {
        var json = Json("stats", "roc", RReference.Path("roc_cohort.csv"), "--score", "r2star_per_s", "--truth", "iron_overload", "--json");
        foreach (var key in new[] { "n", "auc", "aucCiLow", "aucCiHigh", "youdenCutoff", "sensitivity", "specificity", "cutoffPpv100", "cutoffNpv100",
                     "direction", "nPositive", "nNegative", "uncertainBandCount", "warnings" })
            Assert.True(json.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal(120, json.GetProperty("n").GetInt32());
        Assert.Equal("higher", json.GetProperty("direction").GetString());
        Assert.Equal(RReference.Get("roc_cohort_r2star", "auc"), json.GetProperty("auc").GetDouble(), 12);
        Assert.Equal(RReference.Get("roc_cohort_r2star", "ci_delong.low"), json.GetProperty("aucCiLow").GetDouble(), 12);
        Assert.Equal(RReference.Get("roc_cohort_r2star", "youden.threshold"), json.GetProperty("youdenCutoff").GetDouble());
        Assert.Equal(RReference.Get("roc_cohort_r2star", "ppv100.threshold"), json.GetProperty("cutoffPpv100").GetDouble());
        Assert.Equal(RReference.Get("roc_cohort_r2star", "npv100.threshold"), json.GetProperty("cutoffNpv100").GetDouble());
        Assert.Equal(RReference.Get("roc_cohort_r2star", "band.count"), json.GetProperty("uncertainBandCount").GetInt32());
    }

    [Fact]
    public void Roc_LowerIsPositiveT2Star_MatchesTheR2StarCurve()
    {
        var json = Json("stats", "roc", RReference.Path("roc_cohort.csv"), "--score", "t2star_ms", "--truth", "iron_overload", "--direction", "lower", "--json");
        Assert.Equal("lower", json.GetProperty("direction").GetString());
        Assert.Equal(RReference.Get("roc_cohort_t2star", "auc"), json.GetProperty("auc").GetDouble(), 12);
        Assert.Equal(RReference.Get("roc_cohort_t2star", "ppv100.threshold"), json.GetProperty("cutoffPpv100").GetDouble());
    }

    [Fact]
    public void Roc_WithPositiveLabelOnAThreeClassColumn_PoolsTheOthersAndSaysSo()
    {
        var json = Json("stats", "roc", RReference.Path("roc_cohort.csv"), "--score", "r2star_per_s", "--truth", "iron_class", "--positive", "high", "--json");
        Assert.Equal("high", json.GetProperty("positiveLabel").GetString());
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("pools"));
    }

    [Fact]
    public void RocCompare_Json_MatchesPRocsPairedDeLong()
    {
        var json = Json("stats", "roc-compare", RReference.Path("roc_cohort.csv"), "--score", "r2star_per_s", "--score2", "sir_lic_mg_g", "--truth", "iron_overload", "--json");
        Assert.Equal(RReference.Get("compare_r2star_sir", "auc1"), json.GetProperty("auc1").GetDouble(), 12);
        Assert.Equal(RReference.Get("compare_r2star_sir", "auc2"), json.GetProperty("auc2").GetDouble(), 12);
        Assert.Equal(RReference.Get("compare_r2star_sir", "z"), json.GetProperty("z").GetDouble(), 10);
        Assert.Equal(RReference.Get("compare_r2star_sir", "p"), json.GetProperty("p").GetDouble(), 10);
    }

    [Fact]
    public void BlandAltman_Json_HasBiasLimitsAndTheirIntervalsOfBMinusA()
    {
        var json = Json("stats", "bland-altman", RReference.Path("bland_altman_pefr_1986.csv"), "--a", "wright", "--b", "mini_wright", "--json");
        foreach (var key in new[] { "n", "bias", "biasCiLow", "biasCiHigh", "sdDiff", "loaLow", "loaLowCiLow", "loaLowCiHigh", "loaHigh", "loaHighCiLow", "loaHighCiHigh" })
            Assert.True(json.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal(RReference.Get("ba_pefr", "difference.bias"), json.GetProperty("bias").GetDouble(), 10);
        Assert.Equal(RReference.Get("ba_pefr", "difference.loa.low.ci99.low"), json.GetProperty("loaLowCiLow").GetDouble(), 10);
        Assert.Equal("mini_wright − wright", json.GetProperty("differences").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ratioBias").ValueKind);
    }

    [Fact]
    public void BlandAltman_Log_ReportsLogDifferencesAndRatios()
    {
        var json = Json("stats", "bland-altman", RReference.Path("method_comparison.csv"), "--a", "biopsy_lic_mg_g", "--b", "mri_lic_mg_g", "--log", "--json");
        Assert.Equal("log-ratio", json.GetProperty("scale").GetString());
        Assert.Equal(RReference.Get("ba_method_comparison", "log.bias"), json.GetProperty("bias").GetDouble(), 10);
        Assert.Equal(Math.Exp(json.GetProperty("bias").GetDouble()), json.GetProperty("ratioBias").GetDouble(), 12);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("linear")]
    [InlineData("quadratic")]
    public void Kappa_Json_MatchesVcd(string weights)
    {
        var json = Json("stats", "kappa", RReference.Path("kappa_grades.csv"), "--a", "reader_a", "--b", "reader_b", "--weights", weights, "--json");
        Assert.Equal(weights, json.GetProperty("weights").GetString());
        Assert.Equal(RReference.Get("kappa_grades", weights + ".kappa"), json.GetProperty("kappa").GetDouble(), 12);
        Assert.Equal(RReference.Get("kappa_grades", weights + ".se"), json.GetProperty("se").GetDouble(), 12);
        // Reader B never uses grade 3; the table still has the category, in numeric order.
        Assert.Equal(["0", "1", "2", "3"], json.GetProperty("categories").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void Roc_UnknownColumn_ExitsTwoNamingItAndTheColumnsThereAre()
    {
        var (code, _, error) = CliHarness.Run("stats", "roc", RReference.Path("roc_cohort.csv"), "--score", "r2", "--truth", "iron_overload");
        Assert.Equal(2, code);
        Assert.Contains("column 'r2'", error);
        Assert.Contains("'r2star_per_s'", error);
    }

    [Fact]
    public void Roc_NonNumericCell_ExitsTwoNamingLineAndColumn()
    {
        var path = Temp("score,truth\n1.5,1\n2.0,0\nhigh,1\n0.5,0\n");
        var (code, _, error) = CliHarness.Run("stats", "roc", path, "--score", "score", "--truth", "truth");
        Assert.Equal(2, code);
        Assert.Contains("line 4", error);
        Assert.Contains("column 'score'", error);
    }

    [Fact]
    public void Roc_OneClassOnly_ExitsTwo()
    {
        var path = Temp("score,truth\n1.5,1\n2.0,1\n3,1\n");
        var (code, _, error) = CliHarness.Run("stats", "roc", path, "--score", "score", "--truth", "truth");
        Assert.Equal(2, code);
        Assert.Contains("at least one of each", error);
    }

    [Fact]
    public void Roc_MissingValues_FailWithoutDropMissingAndAreCountedWithIt()
    {
        var path = Temp("score,truth\n1.5,1\nNA,0\n3,1\n0.5,0\n2,0\n4,1\n");
        var (code, _, error) = CliHarness.Run("stats", "roc", path, "--score", "score", "--truth", "truth", "--json");
        Assert.Equal(2, code);
        Assert.Contains("missing value", error);
        var json = Json("stats", "roc", path, "--score", "score", "--truth", "truth", "--drop-missing", "--json");
        Assert.Equal(1, json.GetProperty("rowsDropped").GetInt32());
        Assert.Equal(5, json.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Roc_TextTruthWithoutPositive_AsksForIt()
    {
        var path = Temp("score,truth\n1,yes\n2,no\n3,yes\n");
        var (code, _, error) = CliHarness.Run("stats", "roc", path, "--score", "score", "--truth", "truth");
        Assert.Equal(2, code);
        Assert.Contains("--positive", error);
    }

    [Fact]
    public void Roc_PerfectSeparation_PrintsNullNotNaNAndExitsZero()
    {
        var json = Json("stats", "roc", RReference.Path("roc_separated.csv"), "--score", "score", "--truth", "truth", "--json");
        Assert.Equal(1, json.GetProperty("auc").GetDouble());
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("degenerate"));
    }

    [Fact]
    public void Kappa_UnknownWeights_ExitsTwo()
    {
        var (code, _, _) = CliHarness.Run("stats", "kappa", RReference.Path("kappa_grades.csv"), "--a", "reader_a", "--b", "reader_b", "--weights", "cubic");
        Assert.Equal(2, code);
    }

    [Fact]
    public void BlandAltman_LogWithZero_ExitsTwoNamingTheValue()
    {
        var path = Temp("a,b\n1,2\n0,1\n3,3\n");
        var (code, _, error) = CliHarness.Run("stats", "bland-altman", path, "--a", "a", "--b", "b", "--log");
        Assert.Equal(2, code);
        Assert.Contains("a[1]", error);
    }

    [Fact]
    public void TextOutput_MentionsTheAucAndCutoffs()
    {
        var (code, output, _) = CliHarness.Run("stats", "roc", RReference.Path("roc_hanley_mcneil_1982.csv"), "--score", "rating", "--truth", "abnormal");
        Assert.Equal(0, code);
        Assert.Contains("AUC 0.893171", output);
        Assert.Contains("Youden cut-off 3.5", output);
    }
}
