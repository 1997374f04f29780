using System.Globalization;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// The one-line entry point: LIC from an exam's liver/muscle ratios under a named SIR protocol. Applies the phantom
/// correction first, then user constants when loaded, else the method's own model: the published two-sequence
/// formula, or the Rennes / Lille reconstruction. Under a 1.5 T Rennes protocol a ratio labelled "Lille" is the
/// add-on sequence: it is used when the Rennes estimate exceeds 300 µmol/g or saturates, as Rose 2006 prescribes
/// (through user constants for lille-addon-1.5T when those are loaded, else the Lille reconstruction).
/// </summary>
public static class SirLic
{
    /// <summary>The LIC estimate with provenance and warnings.</summary>
    /// <exception cref="ArgumentException">Unknown protocol.</exception>
    /// <exception cref="SignalRatioException">A sequence missing, unknown or given twice; a phantom calibration for another protocol or with a change-protocol verdict.</exception>
    public static SirEstimate Estimate(string protocolName, IReadOnlyList<LiverMuscleRatio> ratios, SirLicOptions? options = null)
    {
        var protocol = SirProtocols.Get(protocolName);
        ArgumentNullException.ThrowIfNull(ratios);
        options ??= SirLicOptions.Default;
        var recon = options.Reconstruction ?? SirReconstructionOptions.Default;
        var front = new List<string>();
        if (options.FieldStrengthT is double b && Math.Abs(b - protocol.FieldStrengthT) > 0.15)
            throw new SignalRatioException(string.Create(CultureInfo.InvariantCulture,
                $"the exam is at {b} T but protocol {protocol.Name} is defined at {protocol.FieldStrengthT} T; choose the protocol of the exam's field."));

        LiverMuscleRatio? lille = null;
        var own = ratios.ToList();
        if (protocol.Model == SirModel.Rennes)
        {
            lille = own.FirstOrDefault(r => string.Equals(r.Sequence, "Lille", StringComparison.OrdinalIgnoreCase));
            if (lille is not null)
            {
                own.Remove(lille);
                if (Math.Abs(protocol.FieldStrengthT - 1.5) > 0.05)
                    throw new SignalRatioException($"the Lille add-on is defined at 1.5 T; protocol {protocol.Name} is not.", "Lille");
            }
        }
        if (options.Phantom is { } phantom)
        {
            var (corrected, w) = phantom.Apply(protocol, own);
            own = [.. corrected];
            front.AddRange(w);
        }

        SirEstimate estimate = options.Constants is { } c && string.Equals(c.Protocol, protocol.Name, StringComparison.OrdinalIgnoreCase)
            ? c.Evaluate(protocol, own)
            : protocol.Model switch
            {
                SirModel.TwoSequence => TwoSequenceModel.Estimate(own, options.FieldStrengthT ?? protocol.FieldStrengthT),
                SirModel.Rennes => SirReconstruction.Rennes(protocol, own, recon),
                _ => SirReconstruction.Lille(own, recon),
            };
        if (options.Constants is { } other && !string.Equals(other.Protocol, protocol.Name, StringComparison.OrdinalIgnoreCase)
            && !(lille is not null && other.Protocol == SirProtocols.LilleAddOn1p5T.Name))
            front.Add($"The constants '{other.Name}' are for {other.Protocol}, not {protocol.Name}: not used.");

        if (lille is not null)
        {
            bool needed = estimate.AboveRange || estimate.Lic is { UmolPerGram: > RennesRules.LilleIndicationUmolPerGram };
            if (needed)
            {
                var addOn = options.Constants is { } lc && lc.Protocol == SirProtocols.LilleAddOn1p5T.Name
                    ? lc.Evaluate(SirProtocols.LilleAddOn1p5T, [lille])
                    : SirReconstruction.Lille([lille], recon);
                string rennes = estimate.Lic is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.UmolPerGram:0} µmol/g") : "saturated";
                estimate = addOn with
                {
                    MethodSwitch = $"{protocol.Name} → {SirProtocols.LilleAddOn1p5T.Name}: the Rennes estimate {(estimate.Lic is null ? "saturated (above its range)" : $"({rennes}) is above {RennesRules.LilleIndicationUmolPerGram} µmol/g")}, so the Lille add-on estimate is reported (Rose 2006).",
                    Decisions = [.. estimate.Decisions, .. addOn.Decisions],
                    Ratios = [.. estimate.Ratios, .. addOn.Ratios],
                    Warnings = [$"Rennes ({estimate.Method}) gave {rennes}: above {RennesRules.LilleIndicationUmolPerGram} µmol/g, so the Lille add-on estimate is reported.", .. addOn.Warnings],
                };
            }
            else front.Add($"A Lille ratio was given but the Rennes estimate is ≤ {RennesRules.LilleIndicationUmolPerGram} µmol/g: the Lille add-on is not used (Rose 2006).");
        }
        return estimate with
        {
            PhantomCalibration = options.Phantom?.Label,
            Warnings = [.. front, .. estimate.Warnings],
        };
    }

    /// <summary>Ratios keyed by sequence label (values read off a workstation): the shortest call.</summary>
    public static SirEstimate Estimate(string protocolName, IReadOnlyDictionary<string, double> ratios, SirLicOptions? options = null) =>
        Estimate(protocolName, [.. Guard.NotNull(ratios).Select(kv => LiverMuscleRatio.FromRatio(kv.Key, kv.Value))], options);
}
