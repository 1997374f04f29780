using IronNotebooks.Calibration;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

public sealed class VirtualCohortTests
{
    [Fact]
    public void Rennes171_DrawnAt171_HasExactlyThePublishedClassMix()
    {
        var cohort = VirtualCohort.Draw(PublishedCohorts.Rennes171, 171, seed: 5);
        Assert.Equal(107, cohort.Count(p => p.BiopsyClass == "normal"));
        Assert.Equal(38, cohort.Count(p => p.BiopsyClass == "moderate"));
        Assert.Equal(26, cohort.Count(p => p.BiopsyClass == "high"));
        // Each drawn LIC lies in its class by the library's own biopsy scheme.
        Assert.All(cohort, p => Assert.Equal(p.BiopsyClass, LicClasses.BiopsyUmol.Classify(p.Lic.UmolPerGram).Label));
        Assert.Equal(171, cohort.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Apportion_KeepsProportionsForOtherSizes()
    {
        // 20 × (107, 38, 26)/171 = 12.51, 4.44, 3.04 → largest remainder 13, 4, 3.
        Assert.Equal([13, 4, 3], PublishedCohorts.Rennes171.Apportion(20));
        Assert.Equal([1, 0, 0], PublishedCohorts.Rennes171.Apportion(1));
    }

    [Fact]
    public void SameSeed_GivesTheSameCohort_AndAnotherSeedAnother()
    {
        var a = VirtualCohort.Draw(PublishedCohorts.Rennes171, 30, 9);
        var b = VirtualCohort.Draw(PublishedCohorts.Rennes171, 30, 9);
        var c = VirtualCohort.Draw(PublishedCohorts.Rennes171, 30, 10);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(p => p.Lic.MgPerGram), c.Select(p => p.Lic.MgPerGram));
    }
}
