using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>Degenerate inputs give a clear exception or a documented null/NaN with a warning, never a silent number.</summary>
public class DegenerateInputTests
{
    [Fact]
    public void Roc_WithOneClassOnly_ThrowsNamingTheCounts()
    {
        var e = Assert.Throws<InsufficientDataException>(() => Roc.Compute([1.0, 2, 3], [true, true, true]));
        Assert.Contains("3 case(s) and 0 control(s)", e.Message);
    }

    [Fact]
    public void Roc_WithANaNScore_ThrowsNamingTheIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => Roc.Compute([1.0, double.NaN, 3], [true, false, true]));
        Assert.Contains("scores[1]", e.Message);
    }

    [Fact]
    public void Roc_WithMismatchedLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => Roc.Compute([1.0, 2], [true]));

    [Fact]
    public void Roc_WithASingleCase_HasAucButNoVarianceAndSaysWhy()
    {
        var roc = Roc.Compute([1.0, 2, 3, 4], [false, false, true, false]);
        Assert.Equal(2.0 / 3, roc.Auc, 15);
        Assert.Null(roc.AucVariance);
        Assert.Null(roc.AucCi);
        Assert.Contains(roc.Warnings, w => w.Contains("at least 2 cases and 2 controls"));
    }

    [Fact]
    public void Roc_WithAllScoresTied_IsTheDiagonalWithAWarning()
    {
        var roc = Roc.Compute([5.0, 5, 5, 5], [true, false, true, false]);
        Assert.Equal(0.5, roc.Auc);
        Assert.Equal(2, roc.PointCount);
        Assert.Contains(roc.Warnings, w => w.Contains("All scores are equal"));
    }

    [Fact]
    public void Roc_WithPerfectSeparation_WarnsThatTheDeLongIntervalIsDegenerate()
    {
        var roc = Roc.Compute([1.0, 2, 3, 5, 6, 7], [false, false, false, true, true, true]);
        Assert.Equal(1, roc.Auc);
        Assert.Equal(0, roc.AucVariance);
        Assert.Contains(roc.Warnings, w => w.Contains("degenerate"));
    }

    [Fact]
    public void Roc_WithAutoDirection_ResolvesByMediansAndWarns()
    {
        var roc = Roc.Compute([9.0, 8, 7, 1, 2, 3], [true, true, true, false, false, false], RocDirection.LowerIsPositive);
        Assert.Equal(0, roc.Auc);
        var auto = Roc.Compute([9.0, 8, 7, 1, 2, 3], [false, false, false, true, true, true], RocOptions.Default with { Direction = RocDirection.Auto });
        Assert.Equal(RocDirection.LowerIsPositive, auto.Direction);
        Assert.Equal(1, auto.Auc);
        Assert.Contains(auto.Warnings, w => w.Contains("Direction chosen from the data"));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(0.2)]
    [InlineData(double.NaN)]
    public void Roc_WithAnImpossibleConfidenceLevel_ThrowsArgumentOutOfRange(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Roc.Compute([1.0, 2, 3, 4], [false, true, false, true], RocOptions.Default with { ConfidenceLevel = level }));

    [Fact]
    public void CutoffSearch_WhenTheTopScoreIsAControl_HasNoRuleInAndSaysWhy()
    {
        var cut = CutoffSearch.Find(Roc.Compute([1.0, 2, 3, 4], [true, false, true, false]));
        Assert.Null(cut.RuleIn);
        Assert.Null(cut.Band);
        Assert.Contains(cut.Warnings, w => w.Contains("PPV = 100 %"));
    }

    [Fact]
    public void ThreeBandTable_WithCutoffsInTheWrongOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => ThreeBandTable.Compute([1.0, 2], ["a", "b"], 5, 3, RocDirection.HigherIsPositive));

    [Fact]
    public void PairedComparison_WithFewerThanTwoCases_Throws() =>
        Assert.Throws<InsufficientDataException>(() => RocComparison.Paired([1.0, 2, 3], [1.0, 2, 3], [true, false, false]));

    [Fact]
    public void BlandAltman_WithTwoPairs_Throws() =>
        Assert.Throws<InsufficientDataException>(() => BlandAltman.Compute([1.0, 2], [1.0, 2]));

    [Fact]
    public void BlandAltman_LogScaleWithAZero_ThrowsNamingTheIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => BlandAltman.Compute([1.0, 2, 0], [1.0, 2, 3], BlandAltmanOptions.LogRatio));
        Assert.Contains("a[2]", e.Message);
    }

    [Fact]
    public void BlandAltman_WithIdenticalDifferences_WarnsAboutZeroSpread()
    {
        var r = BlandAltman.Compute([1.0, 2, 3, 4], [2.0, 3, 4, 5]);
        Assert.Equal(1, r.Bias, 15);
        Assert.Equal(0, r.SdDifference, 15);
        Assert.Contains(r.Warnings, w => w.Contains("spread is 0"));
    }

    [Fact]
    public void BlandAltman_WithProportionalError_WarnsAndSuggestsTheLogScale()
    {
        double[] a = [10, 20, 40, 80, 160, 320, 640];
        var b = a.Select((v, i) => v * (1.3 + 0.01 * (i % 2))).ToArray();
        var r = BlandAltman.Compute(a, b);
        Assert.Contains(r.Warnings, w => w.Contains("Proportional bias"));
        Assert.DoesNotContain(BlandAltman.Compute(a, b, BlandAltmanOptions.LogRatio).Warnings, w => w.Contains("Proportional bias"));
    }

    [Fact]
    public void Correlation_WithAConstantVariable_Throws() =>
        Assert.Throws<InsufficientDataException>(() => Correlation.Pearson([1.0, 1, 1, 1], [1.0, 2, 3, 4]));

    [Fact]
    public void Correlation_WithThreePairs_HasNoIntervalAndSaysWhy()
    {
        var r = Correlation.Pearson([1.0, 2, 3], [1.0, 3, 2]);
        Assert.Null(r.Ci);
        Assert.Contains(r.Warnings, w => w.Contains("n > 3"));
    }

    [Fact]
    public void PassingBablok_WithANegativeRelation_Throws() =>
        Assert.Throws<InsufficientDataException>(() => MethodComparison.PassingBablok([1.0, 2, 3, 4, 5], [5.0, 4, 3, 2, 1.5]));

    [Fact]
    public void PassingBablok_AboveTheSizeLimit_ThrowsAndPointsToDeming()
    {
        var x = Enumerable.Range(0, MethodComparison.PassingBablokMaxPairs + 1).Select(i => (double)i).ToArray();
        var e = Assert.Throws<ArgumentException>(() => MethodComparison.PassingBablok(x, x));
        Assert.Contains("Deming", e.Message);
    }

    [Fact]
    public void Kappa_WithEveryRatingInOneCategory_Throws() =>
        Assert.Throws<InsufficientDataException>(() => CohenKappa.Compute(["a", "a", "a"], ["a", "a", "a"]));

    [Fact]
    public void Kappa_WeightedOnUnorderedTextLabels_WarnsAboutTheOrder()
    {
        var k = CohenKappa.Compute(["low", "high", "mid", "low"], ["low", "mid", "mid", "high"], KappaWeightings.Linear);
        Assert.Contains(k.Warnings, w => w.Contains("alphabetically"));
        var ordered = CohenKappa.Compute(["low", "high", "mid", "low"], ["low", "mid", "mid", "high"], KappaWeightings.Linear, ["low", "mid", "high"]);
        Assert.Empty(ordered.Warnings);
    }

    [Fact]
    public void Kappa_WithALabelMissingFromTheLevels_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => CohenKappa.Compute(["a", "b"], ["a", "c"], null, ["a", "b"]));
        Assert.Contains("'c'", e.Message);
    }

    [Fact]
    public void KappaWeightings_UnknownName_ListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => KappaWeightings.Get("cubic"));
        Assert.Contains("none, linear, quadratic", e.Message);
    }

    [Fact]
    public void McNemar_WithoutDiscordantPairs_HasNoChiSquareAndExactPOfOne()
    {
        var m = McNemar.FromCounts(10, 0, 0, 5);
        Assert.Null(m.ChiSquare);
        Assert.Null(m.PChiSquare);
        Assert.Equal(1, m.PExact);
        Assert.NotEmpty(m.Warnings);
    }

    [Fact]
    public void McNemar_FromClassifications_CountsDiscordantPairs()
    {
        var m = McNemar.Test([true, true, false, false, true], [true, false, true, false, false]);
        Assert.Equal((1, 2, 1, 1), (m.BothPositive, m.FirstOnly, m.SecondOnly, m.BothNegative));
    }

    [Fact]
    public void Bowker_WithAnEmptyPair_SkipsItWhereRGivesNaN()
    {
        var b = McNemar.Bowker(ConfusionMatrix.FromCounts(new[,] { { 5, 2, 0 }, { 1, 5, 3 }, { 0, 1, 5 } }, ["a", "b", "c"]));
        Assert.Equal(2, b.DegreesOfFreedom);
        Assert.Equal(1, b.PairsSkipped);
        Assert.Equal(1.0 / 3 + 1.0, b.ChiSquare, 14);
    }

    [Fact]
    public void Repeatability_WithoutAnyReplicate_Throws() =>
        Assert.Throws<InsufficientDataException>(() => Repeatability.Compute(["a", "b"], [1.0, 2]));

    [Fact]
    public void Repeatability_WithSingletons_CountsThemAndWarns()
    {
        var r = Repeatability.Compute(["a", "a", "b", "c", "c"], [1.0, 3, 10, 4, 6]);
        Assert.Equal(3, r.Subjects);
        Assert.Equal(2, r.DegreesOfFreedom);
        Assert.Equal(Math.Sqrt(2), r.WithinSubjectSd, 14);
        Assert.Contains(r.Warnings, w => w.Contains("single measurement"));
    }

    [Fact]
    public void Ols_WithConstantX_Throws() =>
        Assert.Throws<InsufficientDataException>(() => MethodComparison.Ols([2.0, 2, 2], [1.0, 2, 3]));
}
