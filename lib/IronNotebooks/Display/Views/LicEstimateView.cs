using IronNotebooks.Calibration;

namespace IronNotebooks.Display.Views;

internal sealed class LicEstimateView : ResultView<LicEstimate>
{
    public override DisplayDocument Describe(LicEstimate e)
    {
        string q = e.Quantity == RelaxationQuantity.R2Star ? "R2*" : "R2";
        // A reader must see why there is no number: "beyond measurable range" is a finding (severe overload), not a gap.
        string none = e.Outcome == LicOutcome.BeyondMeasurableRange ? "beyond measurable range" : "no value";
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "LIC (mg Fe/g dry weight)", e.Lic is { } l ? Numbers.F(l.MgPerGram, 2) : none },
            new[] { "LIC (µmol Fe/g dry weight)", e.Lic is { } l2 ? Numbers.F(l2.UmolPerGram, 1) : none },
            new[] { $"{q} measured (s⁻¹)", Numbers.F(e.InputRatePerSecond, 1) },
        };
        if (e.FieldScaling is not null) rows.Add([$"{q} after field scaling (s⁻¹)", Numbers.F(e.RateUsedPerSecond, 1)]);
        rows.AddRange(
        [
            ["field of measurement (T)", Numbers.G(e.MeasuredFieldT, 3)],
            ["calibration", $"{e.CalibrationTitle} ({e.Calibration})"],
            ["calibration field (T)", Numbers.G(e.CalibrationFieldT, 3)],
            ["formula", e.Formula],
            ["validity range", e.ValidityRange],
            ["evidence status", $"{e.Status} {e.StatusNote}"],
        ]);
        if (e.FieldScaling is not null) rows.Add(["field scaling", e.FieldScaling]);
        var tables = new List<DisplayTable> { new(null, ["", "value"], rows) };
        if (e.Interval is { } iv)
        {
            var u = new List<IReadOnlyList<string>>
            {
                new[] { $"{Numbers.G(100 * iv.Level, 3)} % interval (µmol/g)", $"{(iv.CiLowUmolPerGram is double lo ? Numbers.F(lo, 1) : "open")} – {(iv.CiHighUmolPerGram is double hi ? Numbers.F(hi, 1) : "open")}" },
                new[] { $"{q} interval (s⁻¹)", $"{Numbers.F(iv.RateLowPerSecond, 1)} – {Numbers.F(iv.RateHighPerSecond, 1)} (total SD {Numbers.F(iv.TotalSdPerSecond, 2)})" },
            };
            u.AddRange(iv.ProbabilityAbove.Select(p => (IReadOnlyList<string>)new[] { $"P(LIC > {Numbers.G(p.ThresholdMgPerGram, 3)} mg/g)", Numbers.F(p.Probability, 3) }));
            u.AddRange(iv.Components.Select(c => (IReadOnlyList<string>)new[] { $"component: {c.Name}", (c.SdPerSecond is double sd ? $"SD {Numbers.F(sd, 2)} s⁻¹ — " : "") + (c.Note ?? c.Method) }));
            tables.Add(new DisplayTable("Uncertainty", ["", "value"], u));
        }
        return new DisplayDocument($"Liver iron concentration from {q}", tables,
            [.. e.BeyondMeasurableRange is { } why ? ["Beyond measurable range: " + why] : Array.Empty<string>(),
             $"Source: {e.Citation}.", .. e.Warnings.Select(w => "Warning: " + w), .. (e.Interval?.Notes ?? []).Select(n => "Interval: " + n)]);
    }
}
