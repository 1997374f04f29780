using IronNotebooks.SignalRatio;

namespace IronNotebooks.Display.Views;

/// <summary>
/// A SIR result as a paper reads it: the LIC (or "above range" with the lower bound the data prove), the evidence
/// status in the title so a reconstruction is never mistaken for the official method, the L/M ratio of every sequence,
/// and the published decision rules with their outcome.
/// </summary>
internal sealed class SirEstimateView : ResultView<SirEstimate>
{
    public override DisplayDocument Describe(SirEstimate e)
    {
        string lic = e.Lic is { } l ? $"{Numbers.F(l.UmolPerGram, 1)} µmol/g ({Numbers.F(l.MgPerGram, 2)} mg/g)"
            : e.AboveRange ? "above range" + (e.LicLowerBound is { } b ? $" (≥ {Numbers.F(b.UmolPerGram, 0)} µmol/g)" : "")
            : "no value";
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "LIC", lic },
            new[] { "method", e.Method },
            new[] { "evidence status", $"{e.Status}: {e.StatusNote}" },
            new[] { "protocol (field)", $"{e.Protocol} ({Numbers.G(e.FieldStrengthT, 3)} T)" },
            new[] { "formula", e.Formula },
        };
        if (e.LiverR2StarPerSecond is { } r2) rows.Add(["liver R2* (s⁻¹)", Numbers.F(r2, 1)]);
        if (e.R2StarConversion is { } c) rows.Add(["R2* → LIC calibration", $"{c.CalibrationTitle} ({c.Calibration})"]);
        if (e.PhantomCalibration is { } p) rows.Add(["phantom correction", p]);
        var ratios = new DisplayTable("Liver-to-muscle ratios", ["sequence", "L/M", "liver mean", "muscle mean", "ROIs (liver/muscle)", "source"],
            [.. e.Ratios.Select(r => (IReadOnlyList<string>)[r.Sequence, Numbers.F(r.Ratio, 3), Numbers.F(r.LiverMean, 1), Numbers.F(r.MuscleMean, 1),
                r.LiverRoiCount + r.MuscleRoiCount == 0 ? Numbers.Missing : $"{Numbers.Int(r.LiverRoiCount)}/{Numbers.Int(r.MuscleRoiCount)}", r.Source])]);
        var blocks = new List<DisplayBlock> { new DisplayTable(null, ["", "value"], rows), ratios };
        if (e.Decisions.Count > 0)
            blocks.Add(new DisplayTable("Published decision rules", ["rule", "outcome", "meaning", "applied to"],
                [.. e.Decisions.Select(d => (IReadOnlyList<string>)[d.Rule, d.Outcome, d.Meaning, d.AppliedTo])]));
        string title = e.Status == SirMethodStatus.Published ? "LIC from signal-intensity ratios (published method)"
            : e.Status == SirMethodStatus.Reconstruction ? "LIC from signal-intensity ratios (RECONSTRUCTION, not the official method)"
            : "LIC from signal-intensity ratios (user-supplied constants)";
        return new DisplayDocument(title, blocks,
            [$"Source: {e.Citation}.", .. e.Decisions.Select(d => d.Citation).Distinct().Select(c => $"Rule source: {c}."), .. e.Warnings.Select(w => "Warning: " + w)]);
    }
}
