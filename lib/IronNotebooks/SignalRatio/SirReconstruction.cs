using System.Globalization;
using IronNotebooks.Calibration;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// The project's transparent SIR→R2* reconstructions (docs/methods.md §2.4). They are NOT the official Rennes worksheet or
/// Lille formula, whose constants are not public ([NF]); every result says "reconstruction" and names the R2*
/// calibration that turned R2* into LIC. A user holding the official constants loads them with
/// <see cref="SirModelConstants"/> instead.
/// <para>
/// Rennes: the PD/T2/T2+/T2++ sequences share TR 120 ms and flip 20°, so their T1 and proton-density weighting is the
/// same and cancels between two of them: ln(L/M) = a − (R2*liver − R2*muscle)·TE. A least-squares line of ln(L/M)
/// against TE over the sequences above the noise floor gives the liver-minus-muscle rate; liver R2* adds an assumed
/// muscle R2*. When fewer than two sequences are above the floor the method is saturated: no value, only the lower
/// bound the data prove.
/// </para>
/// <para>
/// Lille: one sequence (48/1.8/60°), so the iron-free L/M must be predicted from assumed liver and muscle T1 and proton
/// density (<see cref="SirTissueModel"/>) with the spoiled-GRE equation: R2*liver = R2*muscle + ln(K/(L/M))/TE.
/// </para>
/// </summary>
public static class SirReconstruction
{
    /// <summary>
    /// The field-independent part of liver R2* implied by Storey 2007's R2*(3 T) = 2.00·R2*(1.5 T) − 11 s⁻¹: writing
    /// R2*(B) = c + (B/1.5 T)·(R2*(1.5 T) − c) reproduces that line with c = 11 s⁻¹. Below 1.5 T the reconstruction
    /// extends this linear-in-field relation (an assumption, not validated below 1.5 T) to reach a 1.5 T calibration.
    /// </summary>
    public const double FieldIndependentR2StarPerSecond = 11;

    /// <summary>Name of the linear-in-field extension, as it appears in warnings.</summary>
    public const string FieldExtensionName = "linear-in-B0 extension of Storey 2007 (reconstruction assumption)";

    /// <summary>Published indication and range of the Lille add-on, µmol/g: used above 300, quantifies to ≈ 800.</summary>
    public const double LilleRangeMaximumUmolPerGram = 800;

    private const string SirAsR2Star = "SIR-as-R2* approach published at 3 T: Abdom Radiol 2016, doi:10.1007/s00261-016-0831-7";

    /// <summary>Liver R2* moved from <paramref name="fromFieldT"/> to <paramref name="toFieldT"/> by the linear-in-field relation (<see cref="FieldIndependentR2StarPerSecond"/>).</summary>
    public static double ConvertR2StarPerSecond(double r2StarPerSecond, double fromFieldT, double toFieldT) =>
        FieldIndependentR2StarPerSecond + Guard.Positive(toFieldT) / Guard.Positive(fromFieldT) * (Guard.Finite(r2StarPerSecond) - FieldIndependentR2StarPerSecond);

    /// <summary>Rennes reconstruction from ratios keyed by sequence label: the one-line call for notebooks and simulations.</summary>
    public static SirEstimate Rennes(string protocolName, IReadOnlyDictionary<string, double> ratios, SirReconstructionOptions? options = null) =>
        Rennes(SirProtocols.Get(protocolName), [.. Guard.NotNull(ratios).Select(kv => LiverMuscleRatio.FromRatio(kv.Key, kv.Value))], options);

    /// <summary>
    /// Rennes reconstruction: every sequence of the protocol is required (T1 feeds the published rule, the others the
    /// fit). Returns the LIC (or saturation with a lower bound), liver R2*, the R2* calibration step, the published
    /// ratio rules, the validated band (marked as applied to a reconstruction) and warnings.
    /// </summary>
    /// <exception cref="SignalRatioException">A sequence missing, unknown or given twice.</exception>
    /// <exception cref="ArgumentException">A protocol that is not Rennes, or an R2* calibration that cannot reach the exam's field.</exception>
    public static SirEstimate Rennes(SirProtocol protocol, IReadOnlyList<LiverMuscleRatio> ratios, SirReconstructionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.Model != SirModel.Rennes) throw new ArgumentException($"{protocol.Name} is not a Rennes protocol.", nameof(protocol));
        options ??= SirReconstructionOptions.Default;
        var r = SirRatioInput.Require(protocol, ratios, protocol.SequenceLabels);
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        double field = protocol.FieldStrengthT, floor = Guard.InRange(options.MinimumUsableRatio, 1e-6, 1), muscle = Guard.Finite(options.MuscleR2StarPerSecond);
        var warnings = new List<string>(r.Values.SelectMany(v => v.Warnings))
        {
            "Reconstruction, not the official Rennes worksheet (its L/M → LIC formulas are not public): liver R2* from the slope of ln(L/M) against TE, then LIC through a named R2* calibration.",
        };
        if (Math.Abs(field - 1.5) > 0.05)
            warnings.Add(F($"Muscle R2* {muscle} s⁻¹ is assumed at {field} T (docs/methods.md gives ≈ 25–35 s⁻¹ at 1.5 T only); an error of δ s⁻¹ shifts liver R2* by δ."));

        var points = protocol.FitSequences.Select(l => (Label: l, TeMs: protocol.Step(l).EchoTimeMs, Ratio: r[l].Ratio)).OrderBy(p => p.TeMs).ToList();
        var usable = points.TakeWhile(p => p.Ratio >= floor).ToList();
        var dropped = points.Skip(usable.Count).ToList();
        if (dropped.Count > 0)
            warnings.Add(F($"Dropped {string.Join(", ", dropped.Select(p => $"{p.Label} (L/M {p.Ratio:0.###})"))}: at or after the first L/M below the noise floor {floor} (truncation)."));
        var calibration = DefaultCalibration(field, options);
        var decisions = new List<SirDecision>(RennesRules.RatioRules(protocol, r));
        string methodName = $"Rennes SIR→R2* reconstruction (not the official worksheet), {calibration.Name}";
        string statusNote = $"reconstruction (docs/methods.md §2.4; {SirAsR2Star}); R2* calibration {calibration.Name} {calibration.StatusNote}; Rennes protocol and rules [V]";
        var ordered = protocol.FitSequences.Select(l => r[l]).Concat(r.Values.Where(v => !protocol.FitSequences.Contains(v.Sequence))).ToList();

        if (usable.Count < 2)
        {
            LiverIronConcentration? bound = null;
            LicEstimate? boundConversion = null;
            string why;
            if (usable.Count == 1)
            {
                // The next sequence is below the floor: L/M(TE2) = L/M(TE1)·exp(−ΔR·(TE2 − TE1)) < floor.
                double deltaR = Math.Log(usable[0].Ratio / floor) / (points[1].TeMs - points[0].TeMs) * 1000;
                boundConversion = ToLic(muscle + deltaR, field, calibration, warnings: null);
                bound = boundConversion.Lic;
                why = F($"only {usable[0].Label} is above the noise floor ({floor}); {points[1].Label} L/M {points[1].Ratio:0.###} is below it, so liver R2* > {muscle + deltaR:0} s⁻¹")
                    + (bound is { } b ? F($" and LIC > {b.UmolPerGram:0} µmol/g ({calibration.Name})") : "");
            }
            else why = F($"even {points[0].Label} (shortest TE) has L/M {points[0].Ratio:0.###}, below the noise floor {floor}");
            warnings.Add("Saturated: " + why + ". The reconstruction cannot quantify this liver; report it as above range.");
            if (bound is { } lb && lb.UmolPerGram > RennesRules.HighBandAboveUmolPerGram) decisions.Add(RennesRules.Band(lb, SirMethodStatus.Reconstruction) with { AppliedTo = F($"lower bound {lb.UmolPerGram:0} µmol/g of a saturated reconstruction") });
            if (Math.Abs(field - 1.5) <= 0.15)
                warnings.Add($"{RennesRules.LilleRecommendation} (Rose 2006: indicated when Rennes gives > {RennesRules.LilleIndicationUmolPerGram} µmol/g; range ≈ {LilleRangeMaximumUmolPerGram} µmol/g), or use R2*/R2 relaxometry.");
            else warnings.Add("Use multi-echo R2*/R2 relaxometry: the Lille add-on is defined at 1.5 T only.");
            return new SirEstimate(protocol.Name, methodName, SirMethodStatus.Reconstruction, statusNote,
                F($"saturated: fewer than two of {string.Join(", ", protocol.FitSequences)} at L/M ≥ {floor}"), protocol.Citation, field, null, true, bound,
                null, boundConversion, decisions, ordered, null, warnings);
        }

        var (slopePerMs, rms) = FitLogLine(usable.Select(p => p.TeMs).ToList(), usable.Select(p => Math.Log(p.Ratio)).ToList());
        double deltaRate = -slopePerMs * 1000, liverR2Star = muscle + deltaRate;
        if (usable.Count == 2) warnings.Add(F($"Liver R2* from two sequences only ({usable[0].Label}, {usable[1].Label}): the fit cannot be checked against a third point."));
        var conversion = ToLic(liverR2Star, field, calibration, warnings);
        var lic = conversion.Lic;
        if (lic is { } l)
        {
            decisions.Add(RennesRules.Band(l, SirMethodStatus.Reconstruction));
            if (l.UmolPerGram > RennesRules.CeilingUmolPerGram)
                warnings.Add(F($"LIC {l.UmolPerGram:0} µmol/g is above the Rennes method's upper limit (≈ {RennesRules.CeilingUmolPerGram} µmol/g): report as above range."));
            if (l.UmolPerGram > RennesRules.LilleIndicationUmolPerGram && Math.Abs(field - 1.5) <= 0.15)
                warnings.Add($"{RennesRules.LilleRecommendation}: the Rennes estimate exceeds {RennesRules.LilleIndicationUmolPerGram} µmol/g (Rose 2006).");
        }
        string formula = F($"ln(L/M) = a − ΔR2*·TE over {string.Join(", ", usable.Select(p => $"{p.Label} (TE {p.TeMs} ms, L/M {p.Ratio:0.###})"))}: ΔR2* = {deltaRate:0.#} s⁻¹ (RMS residual of ln L/M {rms:0.###}); liver R2* = {muscle} + {deltaRate:0.#} = {liverR2Star:0.#} s⁻¹ at {field} T; LIC by {calibration.Name}: {calibration.Formula}");
        return new SirEstimate(protocol.Name, methodName, SirMethodStatus.Reconstruction, statusNote, formula, protocol.Citation, field, lic, false, null,
            liverR2Star, conversion, decisions, ordered, null, warnings);
    }

    /// <summary>Lille reconstruction from one L/M on the Lille sequence (48/1.8/60°, 1.5 T).</summary>
    public static SirEstimate Lille(double lilleRatio, SirReconstructionOptions? options = null) =>
        Lille([LiverMuscleRatio.FromRatio("Lille", lilleRatio)], options);

    /// <summary>
    /// Lille reconstruction: R2*liver = R2*muscle + ln(K/(L/M))/TE with K the iron-free L/M predicted by the
    /// spoiled-GRE equation from <see cref="SirReconstructionOptions.Tissue"/>. Iron also shortens liver T1, which
    /// raises the signal of this T1-weighted sequence; the reconstruction does not model it (a warning says so).
    /// </summary>
    /// <exception cref="SignalRatioException">No Lille ratio, or another sequence given.</exception>
    public static SirEstimate Lille(IReadOnlyList<LiverMuscleRatio> ratios, SirReconstructionOptions? options = null)
    {
        var protocol = SirProtocols.LilleAddOn1p5T;
        options ??= SirReconstructionOptions.Default;
        var r = SirRatioInput.Require(protocol, ratios, ["Lille"]);
        var step = protocol.Step("Lille");
        var tissue = options.Tissue ?? SirTissueModel.Default1p5T;
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        double floor = Guard.InRange(options.MinimumUsableRatio, 1e-6, 1), muscle = Guard.Finite(options.MuscleR2StarPerSecond), ratio = r["Lille"].Ratio;
        double k = tissue.IronFreeRatio(step.RepetitionTimeMs, step.FlipAngleDeg);
        var calibration = DefaultCalibration(protocol.FieldStrengthT, options);
        var warnings = new List<string>(r["Lille"].Warnings)
        {
            "Reconstruction, not the Lille formula (not public): liver R2* from one L/M and the iron-free L/M predicted by the spoiled-GRE equation, then LIC through a named R2* calibration.",
            F($"Iron-free L/M K = {k:0.###} from {tissue.Source}; an error of x % in K shifts liver R2* by ≈ x/100/{step.EchoTimeMs} ms = {10 / step.EchoTimeMs:0.#} s⁻¹ per % ."),
            "Iron shortens liver T1, which raises the signal of this T1-weighted sequence (60°, TR 48 ms); not modelled, so LIC is, if anything, underestimated.",
        };
        string method = $"Lille add-on SIR→R2* reconstruction (not the published formula), {calibration.Name}";
        string statusNote = $"reconstruction (docs/methods.md §2.4); tissue T1/ρ assumptions; R2* calibration {calibration.Name} {calibration.StatusNote}; Lille sequence [V]";
        if (ratio < floor)
        {
            double deltaR = Math.Log(k / floor) / step.EchoTimeMs * 1000;
            var boundConversion = ToLic(muscle + deltaR, protocol.FieldStrengthT, calibration, warnings: null);
            warnings.Add(F($"Saturated: L/M {ratio:0.###} is below the noise floor {floor}; liver R2* > {muscle + deltaR:0} s⁻¹")
                + (boundConversion.Lic is { } b ? F($", LIC > {b.UmolPerGram:0} µmol/g.") : ".") + " Use R2*/R2 relaxometry.");
            return new SirEstimate(protocol.Name, method, SirMethodStatus.Reconstruction, statusNote, F($"saturated: L/M < {floor}"), protocol.Citation,
                protocol.FieldStrengthT, null, true, boundConversion.Lic, null, boundConversion, [], [r["Lille"]], null, warnings);
        }
        double deltaRate = Math.Log(k / ratio) / step.EchoTimeMs * 1000, liverR2Star = muscle + deltaRate;
        var conversion = ToLic(liverR2Star, protocol.FieldStrengthT, calibration, warnings);
        if (conversion.Lic is { } lic)
        {
            if (lic.UmolPerGram > LilleRangeMaximumUmolPerGram)
                warnings.Add(F($"LIC {lic.UmolPerGram:0} µmol/g is beyond the add-on's published range (≈ {LilleRangeMaximumUmolPerGram} µmol/g)."));
            if (lic.UmolPerGram < RennesRules.LilleIndicationUmolPerGram)
                warnings.Add(F($"LIC {lic.UmolPerGram:0} µmol/g: the Lille sequence is indicated above {RennesRules.LilleIndicationUmolPerGram} µmol/g; below that the Rennes estimate is the reference."));
        }
        return new SirEstimate(protocol.Name, method, SirMethodStatus.Reconstruction, statusNote,
            F($"liver R2* = {muscle} + ln({k:0.###}/{ratio:0.###})/{step.EchoTimeMs} ms = {liverR2Star:0.#} s⁻¹; LIC by {calibration.Name}: {calibration.Formula}"),
            protocol.Citation, protocol.FieldStrengthT, conversion.Lic, false, null, liverR2Star, conversion, [], [r["Lille"]], null, warnings);
    }

    /// <summary>The R2* calibration the reconstruction uses at a field: the option, else wood2005 up to 1.5 T and hernando-3t above.</summary>
    public static RelaxometryCalibration DefaultCalibration(double fieldStrengthT, SirReconstructionOptions? options = null)
    {
        var name = options?.R2StarCalibration ?? (fieldStrengthT > 2.2 ? "hernando-3t" : "wood2005");
        var calibration = RelaxometryCalibrations.Get(name);
        if (calibration.Quantity != RelaxationQuantity.R2Star)
            throw new ArgumentException($"{calibration.Name} is an R2 calibration; the SIR reconstruction yields R2*.", nameof(options));
        return calibration;
    }

    /// <summary>R2* at the exam field → LIC: same field directly; 3 T data on a 1.5 T calibration through Storey 2007; below 1.5 T through the linear-in-field extension.</summary>
    private static LicEstimate ToLic(double r2StarPerSecond, double fieldT, RelaxometryCalibration calibration, List<string>? warnings)
    {
        bool sameField = Math.Abs(fieldT - calibration.FieldStrengthT) <= 0.15;
        LicEstimate e;
        if (sameField) e = LicConversion.FromRate(r2StarPerSecond, calibration.FieldStrengthT, calibration);
        else if (Math.Abs(calibration.FieldStrengthT - 1.5) <= 0.05 && Math.Abs(fieldT - 3) <= 0.15)
            e = LicConversion.FromRate(r2StarPerSecond, 3.0, calibration, FieldStrengthScalings.Storey2007Liver);
        else if (Math.Abs(calibration.FieldStrengthT - 1.5) <= 0.05 && fieldT < 1.5)
        {
            double converted = ConvertR2StarPerSecond(r2StarPerSecond, fieldT, 1.5);
            e = LicConversion.FromRate(converted, 1.5, calibration);
            e = e with
            {
                InputRatePerSecond = r2StarPerSecond, MeasuredFieldT = fieldT, FieldScaling = FieldExtensionName,
                Warnings = [string.Create(CultureInfo.InvariantCulture, $"R2* converted from {fieldT} T to 1.5 T with the {FieldExtensionName}: {r2StarPerSecond:0.#} → {converted:0.#} s⁻¹; no R2* calibration exists at {fieldT} T."), .. e.Warnings],
            };
        }
        else throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"R2* calibration {calibration.Name} ({calibration.FieldStrengthT} T) cannot be reached from {fieldT} T; use a 1.5 T calibration (or a 3 T one for 3 T exams)."), nameof(calibration));
        warnings?.AddRange(e.Warnings);
        return e;
    }

    /// <summary>Least-squares line y = a + b·x; returns b and the RMS residual.</summary>
    private static (double Slope, double Rms) FitLogLine(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double b = sxy / sxx, a = my - b * mx, ss = 0;
        for (int i = 0; i < x.Count; i++) ss += Math.Pow(y[i] - a - b * x[i], 2);
        return (b, Math.Sqrt(ss / x.Count));
    }
}
