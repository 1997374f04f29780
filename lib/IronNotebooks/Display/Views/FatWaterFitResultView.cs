using IronNotebooks.FatWater;

namespace IronNotebooks.Display.Views;

internal sealed class FatWaterFitResultView : ResultView<FatWaterFitResult>
{
    public override DisplayDocument Describe(FatWaterFitResult f)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "CC-R2* (s⁻¹)", Numbers.F(f.R2StarPerSecond, 1), Numbers.F(f.OtherBranchR2StarPerSecond, 1) },
            new[] { "PDFF (%)", Numbers.F(f.FatFractionPercent, 1), Numbers.F(f.OtherBranchFatFractionPercent, 1) },
            new[] { "water (signal units)", Numbers.G(f.WaterSignal), "" },
            new[] { "fat (signal units)", Numbers.G(f.FatSignal), "" },
        };
        if (f.FieldMapHz is { } psi) rows.Add(["field map (Hz)", Numbers.F(psi, 1), ""]);
        rows.Add(["branch kept", f.Branch.ToString(), ""]);
        rows.Add(["branch margin (ΔSSR/σ²)", Numbers.F(f.BranchMargin, 2), ""]);
        rows.Add(["swap suspected", f.SwapSuspected ? "yes" : "no", ""]);
        rows.Add(["status", f.Status.ToString(), ""]);
        var notes = new List<string>
        {
            $"{f.Kind} fat–water fit, spectrum {f.Spectrum}, {Numbers.F(f.FieldStrengthT, 2)} T, {f.EchoTimesMs.Count} echoes; R2* is confounder-corrected (docs/methods.md §6).",
        };
        if (f.BiasCorrection is { } bias) notes.Add("Bias correction (docs/methods.md §6.1): " + bias.Reason + ".");
        notes.AddRange(f.Warnings.Select(w => "Warning: " + w));
        return new DisplayDocument("Fat–water fit", [new DisplayTable(null, ["quantity", "kept branch", "other branch"], rows)], notes);
    }
}
