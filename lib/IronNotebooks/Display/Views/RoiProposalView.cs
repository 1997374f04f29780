using IronNotebooks.RoiProposals;

namespace IronNotebooks.Display.Views;

internal sealed class RoiProposalView : ResultView<RoiProposal>
{
    public override DisplayDocument Describe(RoiProposal p) => new($"ROI proposal on slice {p.SliceIndex}: liver {(p.LiverFound ? "found" : "not found")}",
        [
            new DisplayTable(null, ["ROI", "role", "confidence", "reasons"],
                [.. p.Proposed.Select(r => (IReadOnlyList<string>)[r.Roi.Name, r.Roi.Role.ToString(), Numbers.F(r.Confidence, 2), string.Join("; ", r.Reasons)])]),
            new DisplayTable("Not found", ["ROI", "reason"], [.. p.NotFound.Select(n => (IReadOnlyList<string>)[n.Name, n.Reason])]),
        ],
        [$"Noise σ {Numbers.G(p.NoiseSigma, 3)} (air, Rayleigh mean); {p.ValidLiverDiscCentres.Count} valid liver disc positions.", $"Source: {p.Source}.",
         .. p.Warnings.Select(w => "Warning: " + w)]);
}
