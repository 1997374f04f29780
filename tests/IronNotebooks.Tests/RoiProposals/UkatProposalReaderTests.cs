using System.Text.Json;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.RoiProposals;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.RoiProposals;

/// <summary>
/// Real 3 T livers (UKAT r2star, coronal, 12 in-phase echoes): the R2* of the proposed liver discs against discs a reader
/// placed by eye (Fixtures/roi-proposal/ukat-reader-rois.json says how). Within 10 % where the proposer finds the liver;
/// where it does not, it must say "not found" with a reason instead of placing discs.
/// </summary>
public sealed class UkatProposalReaderTests(ITestOutputHelper output)
{
    [CorpusTheory]
    [InlineData("siemens")]
    [InlineData("philips")]
    [InlineData("ge")]
    public void Propose_UkatLiver_R2StarWithinTenPercentOfReaderOrNotFound(string vendor)
    {
        var series = MultiEchoSeries.FromNiftiFolder(TestPaths.CorpusFile($"ukat/r2star/{vendor}"));
        var proposal = RoiProposer.Propose(series);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "roi-proposal", "ukat-reader-rois.json")));
        var reader = doc.RootElement.GetProperty("readers").EnumerateArray().Single(r => r.GetProperty("vendor").GetString() == vendor);
        int slice = reader.GetProperty("slice").GetInt32();
        var readerDiscs = reader.GetProperty("discs").EnumerateArray()
            .Select((d, k) => (RoiShape)new CircleRoi($"reader-{k + 1}", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(d[0].GetDouble(), d[1].GetDouble()), d[2].GetDouble())).ToList();
        double readerR2 = Fit(series, slice, readerDiscs);
        // Overlays for review (proposal in its colours, reader discs as "other"): out/test-artifacts/ukat-VENDOR-*.png.
        string artifacts = Path.Combine(TestPaths.RepositoryRoot, "out", "test-artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllBytes(Path.Combine(artifacts, $"ukat-{vendor}-proposal.png"),
            IronNotebooks.Plotting.RoiOverlayImage.ToPng(series.Slices[proposal.SliceIndex].Echoes[0], proposal.Proposed.Select(p => p.Roi), scale: 3));
        File.WriteAllBytes(Path.Combine(artifacts, $"ukat-{vendor}-reader.png"),
            IronNotebooks.Plotting.RoiOverlayImage.ToPng(series.Slices[slice].Echoes[0], readerDiscs, scale: 3));
        if (!proposal.LiverFound)
        {
            var reason = proposal.NotFound.First(n => n.Role == RoiRole.Liver).Reason;
            output.WriteLine($"{vendor}: not found ({reason}); reader R2* {readerR2:0.0} s⁻¹");
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.DoesNotContain(proposal.RoiSet.Rois, r => r.Role == RoiRole.Liver);
            return;
        }
        Assert.Equal(slice, proposal.SliceIndex);
        var discs = proposal.Proposed.Where(p => p.Roi.Role == RoiRole.Liver).Select(p => p.Roi).ToList();
        double proposedR2 = Fit(series, proposal.SliceIndex, discs);
        output.WriteLine($"{vendor} slice {slice}: proposed R2* {proposedR2:0.0} s⁻¹ ({discs.Count} discs), reader {readerR2:0.0} s⁻¹, ratio {proposedR2 / readerR2:0.000}");
        Assert.InRange(proposedR2 / readerR2, 0.9, 1.1);
    }

    private static double Fit(MultiEchoSeries series, int slice, IReadOnlyList<RoiShape> discs)
    {
        var perDisc = discs.Select(d => RoiMeasurement.MeasureEchoes(series.Slices[slice], d)).ToList();
        var mean = Enumerable.Range(0, series.EchoTimesMs.Count).Select(e => perDisc.Average(s => s[e].Mean)).ToArray();
        var fit = DecayFit.Fit(series.EchoTimesMs, mean, DecayModels.Mono);
        Assert.True(fit.IsUsable, fit.ExitReason);
        return fit.R2StarPerSecond;
    }
}
