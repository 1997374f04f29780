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
        return new DisplayDocument($"Liver iron concentration from {q}", [new DisplayTable(null, ["", "value"], rows)],
            [.. e.BeyondMeasurableRange is { } why ? ["Beyond measurable range: " + why] : Array.Empty<string>(),
             $"Source: {e.Citation}.", .. e.Warnings.Select(w => "Warning: " + w)]);
    }
}
