using System.Globalization;
using IronNotebooks.Imaging;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// Checks an exam (a <see cref="SequenceSet"/> from the imaging layer) against the SIR protocols: which protocol it
/// satisfies, and every mismatch (TR, TE, flip, field, coil, TE not in phase) as a warning or an error naming the
/// sequence.
/// </summary>
public static class SirAcquisitionCheck
{
    /// <summary>
    /// Fat and water are back in phase every 6.8 ms / B0 (docs/methods.md §2): the period in ms·T of the fat–water phase
    /// cycle (≈ 3.4 ppm chemical shift).
    /// </summary>
    public const double InPhasePeriodMsTesla = 6.8;

    /// <summary>
    /// Checks <paramref name="set"/> against <paramref name="protocol"/>. Missing sequences and acquisitions at more
    /// than one field strength are errors (a missing sequence's nearest acquisition is described parameter by
    /// parameter); a sequence matched more than once, a TE closer to opposed than to in phase, and a receive coil
    /// that is not recorded or not the body coil are warnings.
    /// </summary>
    /// <param name="protocol">The SIR protocol.</param>
    /// <param name="set">The exam's single-echo magnitude acquisitions.</param>
    /// <param name="coilBySeriesUid">Receive coil name (DICOM (0018,1250)) by Series Instance UID, when the caller read it; null: coil not checked.</param>
    /// <param name="tolerance">Matching tolerances (default <see cref="ProtocolTolerance"/>).</param>
    public static SirProtocolCheck Check(SirProtocol protocol, SequenceSet set, IReadOnlyDictionary<string, string?>? coilBySeriesUid = null,
        ProtocolTolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(set);
        tolerance ??= new ProtocolTolerance();
        var match = set.Match(protocol.Acquisition, tolerance);
        var findings = new List<SirFinding>();
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        foreach (var step in match.Steps)
        {
            string label = step.Step.Label;
            if (step.Found is null)
            {
                findings.Add(new SirFinding(SirFindingSeverity.Error, label, "missing", MissingMessage(protocol, step.Step, set, tolerance)));
                continue;
            }
            var found = step.Found;
            if (step.Candidates > 1)
                findings.Add(new SirFinding(SirFindingSeverity.Warning, label, "repeated",
                    F($"{label}: {step.Candidates} acquisitions match {Describe(step.Step, protocol.FieldStrengthT)}; series {found.Series.SeriesNumber} (nearest TE) was used — check it is the one on the measured slice.")));
            double offPhase = OffPhaseCycles(found.Key.EchoTimeMs, found.Key.FieldStrengthT);
            if (offPhase > 0.25)
            {
                bool nominalToo = OffPhaseCycles(step.Step.EchoTimeMs, protocol.FieldStrengthT) > 0.25;
                findings.Add(new SirFinding(SirFindingSeverity.Warning, label, "phase",
                    F($"{label}: TE {found.Key.EchoTimeMs} ms at {found.Key.FieldStrengthT} T is {offPhase:0.00} of a fat–water cycle from in phase (period {InPhasePeriodMsTesla / found.Key.FieldStrengthT:0.##} ms): liver fat would lower L/M and mimic iron.")
                    + (nominalToo ? " The published TE has the same property; check fat separately (e.g. opposed-phase imaging)." : "")));
            }
            if (coilBySeriesUid is not null)
            {
                coilBySeriesUid.TryGetValue(found.Series.SeriesInstanceUid, out var coil);
                if (string.IsNullOrWhiteSpace(coil))
                    findings.Add(new SirFinding(SirFindingSeverity.Warning, label, "coil",
                        $"{label}: receive coil not recorded (0018,1250); SIR methods need the body coil for homogeneous signal — confirm it was used."));
                else if (!LooksLikeBodyCoil(coil))
                    findings.Add(new SirFinding(SirFindingSeverity.Warning, label, "coil",
                        $"{label}: receive coil '{coil}' does not look like the body coil; surface and phased-array coils make liver and muscle signal depend on distance to the coil, which the ratio does not cancel. The protocol requires the body coil."));
            }
        }

        var fields = match.Steps.Where(s => s.Found is not null).GroupBy(s => Math.Round(s.Found!.Key.FieldStrengthT, 2)).ToList();
        if (fields.Count > 1)
            findings.Add(new SirFinding(SirFindingSeverity.Error, null, "field",
                "Mixed field strengths: " + string.Join("; ", fields.Select(g => F($"{string.Join(", ", g.Select(s => s.Step.Label))} at {g.Key} T")))
                + ". Every sequence of one exam must come from the same scanner."));

        return new SirProtocolCheck(protocol, match, [.. findings.OrderByDescending(f => f.Severity)]);
    }

    /// <summary>Every SIR protocol checked against the exam, satisfied ones first, then by fewest errors.</summary>
    public static IReadOnlyList<SirProtocolCheck> Identify(SequenceSet set, IReadOnlyDictionary<string, string?>? coilBySeriesUid = null,
        ProtocolTolerance? tolerance = null) =>
        [.. SirProtocols.All.Select(p => Check(p, set, coilBySeriesUid, tolerance))
            .OrderByDescending(c => c.IsSatisfied).ThenBy(c => c.Errors.Count).ThenByDescending(c => c.Protocol.Acquisition.Steps.Count)];

    /// <summary>How far TE is from the nearest in-phase echo time, in fat–water cycles (0 = in phase, 0.5 = opposed).</summary>
    public static double OffPhaseCycles(double echoTimeMs, double fieldStrengthT)
    {
        double cycles = Guard.Positive(echoTimeMs) * Guard.Positive(fieldStrengthT) / InPhasePeriodMsTesla;
        return Math.Abs(cycles - Math.Round(cycles));
    }

    /// <summary>
    /// True when a coil name reads as a body coil: vendors write "BODY", "Body", "BC", "QBC" (Philips Q-body) or
    /// "BODY_COIL". Anything else (e.g. "BO1,2", "SENSE-Torso", "18Ch_Body_Array") is treated as a surface/array coil.
    /// </summary>
    public static bool LooksLikeBodyCoil(string coilName)
    {
        var n = Guard.NotNull(coilName).Trim().ToUpperInvariant();
        return n is "BODY" or "BC" or "QBC" or "BODY COIL" or "BODY_COIL" or "BODYCOIL" or "QBODY" or "Q-BODY";
    }

    private static string Describe(SequenceProtocolStep step, double fieldT) => string.Create(CultureInfo.InvariantCulture,
        $"{step.RepetitionTimeMs}/{step.EchoTimeMs}/{step.FlipAngleDeg}° at {fieldT} T");

    private static string MissingMessage(SirProtocol protocol, SequenceProtocolStep step, SequenceSet set, ProtocolTolerance tol)
    {
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        string head = F($"{step.Label}: no acquisition matches {Describe(step, protocol.FieldStrengthT)} (tolerance TR ±{tol.RepetitionTimeMs} ms, TE ±{tol.EchoTimeMs} ms, flip ±{tol.FlipAngleDeg}°, field ±{tol.FieldStrengthT} T)");
        if (set.Entries.Count == 0) return head + "; the exam has no single-echo magnitude acquisition with TR, TE, flip and field.";
        // Nearest by a scaled distance so the message names the parameter(s) to fix.
        var nearest = set.Entries.MinBy(e =>
            Math.Abs(e.Key.EchoTimeMs - step.EchoTimeMs) / tol.EchoTimeMs + Math.Abs(e.Key.RepetitionTimeMs - step.RepetitionTimeMs) / tol.RepetitionTimeMs
            + Math.Abs(e.Key.FlipAngleDeg - step.FlipAngleDeg) / tol.FlipAngleDeg + Math.Abs(e.Key.FieldStrengthT - protocol.FieldStrengthT) / tol.FieldStrengthT)!;
        var off = new List<string>();
        if (Math.Abs(nearest.Key.RepetitionTimeMs - step.RepetitionTimeMs) > tol.RepetitionTimeMs) off.Add(F($"TR {nearest.Key.RepetitionTimeMs} ms (needs {step.RepetitionTimeMs})"));
        if (Math.Abs(nearest.Key.EchoTimeMs - step.EchoTimeMs) > tol.EchoTimeMs) off.Add(F($"TE {nearest.Key.EchoTimeMs} ms (needs {step.EchoTimeMs})"));
        if (Math.Abs(nearest.Key.FlipAngleDeg - step.FlipAngleDeg) > tol.FlipAngleDeg) off.Add(F($"flip {nearest.Key.FlipAngleDeg}° (needs {step.FlipAngleDeg}°)"));
        if (Math.Abs(nearest.Key.FieldStrengthT - protocol.FieldStrengthT) > tol.FieldStrengthT) off.Add(F($"field {nearest.Key.FieldStrengthT} T (needs {protocol.FieldStrengthT} T)"));
        return head + F($"; nearest is series {nearest.Series.SeriesNumber} '{nearest.Series.SeriesDescription}' {nearest.Key}: {(off.Count == 0 ? "within tolerance but already used for another sequence of the protocol" : string.Join(", ", off))}.");
    }
}
