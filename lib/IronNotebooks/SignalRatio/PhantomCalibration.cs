using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// A per-scanner correction of SIR ratios derived from phantom vials, stored as a small JSON file
/// (schema <c>ironnotebooks/sir-phantom-calibration</c> v1) and applied to later exams of the same scanner and
/// protocol. Per sequence the factor is the geometric mean over that sequence's vials of reference / measured ratio;
/// a corrected exam ratio is measured × factor. This follows the SEDIA experience (Asensio 2015 [V]: centres either
/// changed sequences or applied a correction factor; intra-machine variability 10 %).
/// </summary>
/// <param name="ScannerId">Scanner identifier (site, model, serial).</param>
/// <param name="Date">Date of the phantom session.</param>
/// <param name="Protocol">SIR protocol name.</param>
/// <param name="FieldStrengthT">Field strength, tesla.</param>
/// <param name="Reference">Name and citation of the reference phantom values.</param>
/// <param name="Factors">Correction factor per sequence label (multiply the exam's L/M).</param>
/// <param name="Verdict">Whether the factors are small, usable, or the protocol must change.</param>
/// <param name="VariabilityFraction">Tolerance used for the verdict (default 0.10: intra-machine variability, Asensio 2015).</param>
/// <param name="Measurements">The vial measurements the factors come from.</param>
/// <param name="Notes">Why the verdict is what it is.</param>
public sealed record PhantomCalibration(string ScannerId, DateOnly Date, string Protocol, double FieldStrengthT, string Reference,
    IReadOnlyDictionary<string, double> Factors, PhantomVerdict Verdict, double VariabilityFraction, IReadOnlyList<PhantomVialMeasurement> Measurements,
    IReadOnlyList<string> Notes)
{
    /// <summary>The schema name written in every file.</summary>
    public const string SchemaName = "ironnotebooks/sir-phantom-calibration";

    /// <summary>The schema version this library reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Intra-machine variability of the SIR ratios in the SEDIA study, 10 % (Asensio et al. 2015 [V]).</summary>
    public const double SediaIntraMachineVariabilityFraction = 0.10;

    /// <summary>Schema name.</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Schema version.</summary>
    public int Version { get; init; } = CurrentVersion;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Derives the factors and the verdict: <see cref="PhantomVerdict.ChangeProtocol"/> when the vials of one sequence
    /// ask for factors differing by more than <paramref name="variabilityFraction"/> (one factor cannot correct them)
    /// or a factor departs from 1 by more than <paramref name="maximumCorrectionFraction"/> (when given);
    /// <see cref="PhantomVerdict.WithinVariability"/> when every factor is within 1 ± variabilityFraction; otherwise
    /// <see cref="PhantomVerdict.ApplyCorrection"/>.
    /// </summary>
    /// <exception cref="SignalRatioException">No measurement, a ratio ≤ 0 or not finite, or a sequence the protocol does not have.</exception>
    public static PhantomCalibration Derive(string scannerId, DateOnly date, string protocolName, IReadOnlyList<PhantomVialMeasurement> measurements,
        string reference, double variabilityFraction = SediaIntraMachineVariabilityFraction, double? maximumCorrectionFraction = null)
    {
        if (string.IsNullOrWhiteSpace(scannerId)) throw new ArgumentException("A scanner id is required: the correction belongs to one scanner.", nameof(scannerId));
        var protocol = SirProtocols.Get(protocolName);
        ArgumentNullException.ThrowIfNull(measurements);
        Guard.InRange(variabilityFraction, 0, 1);
        if (measurements.Count == 0) throw new SignalRatioException("No phantom measurement given.");
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var normalised = new List<PhantomVialMeasurement>();
        foreach (var m in measurements)
        {
            var label = protocol.Step(m.Sequence).Label;
            if (!double.IsFinite(m.MeasuredRatio) || m.MeasuredRatio <= 0)
                throw new SignalRatioException(F($"vial '{m.Vial}': measured ratio {m.MeasuredRatio} must be a finite number above 0 (zero or negative reference signal?)."), label);
            if (!double.IsFinite(m.ReferenceRatio) || m.ReferenceRatio <= 0)
                throw new SignalRatioException(F($"vial '{m.Vial}': reference ratio {m.ReferenceRatio} must be a finite number above 0."), label);
            normalised.Add(m with { Sequence = label });
        }
        var factors = new Dictionary<string, double>(StringComparer.Ordinal);
        var notes = new List<string>();
        bool change = false;
        foreach (var g in normalised.GroupBy(m => m.Sequence))
        {
            var f = g.Select(m => m.FactorRatio).ToList();
            double factor = Math.Exp(f.Average(Math.Log));
            factors[g.Key] = factor;
            double spread = f.Max() / f.Min() - 1;
            notes.Add(F($"{g.Key}: factor {factor:0.###} from {f.Count} vial(s) ({string.Join(", ", g.Select(m => $"{m.Vial}: measured {m.MeasuredRatio:0.###} vs reference {m.ReferenceRatio:0.###}"))})"));
            if (spread > variabilityFraction)
            {
                change = true;
                notes.Add(F($"{g.Key}: the vials ask for factors differing by {spread:P0} (> {variabilityFraction:P0}): the sequence does not scale like the reference; change the protocol (TE, TR, flip, coil) rather than correct it."));
            }
            if (maximumCorrectionFraction is double max && Math.Abs(factor - 1) > max)
            {
                change = true;
                notes.Add(F($"{g.Key}: factor {factor:0.###} departs from 1 by more than the allowed {max:P0}: change the protocol."));
            }
        }
        var missing = protocol.SequenceLabels.Where(l => !factors.ContainsKey(l)).ToList();
        if (missing.Count > 0) notes.Add($"No phantom factor for {string.Join(", ", missing)}: their ratios stay uncorrected.");
        var verdict = change ? PhantomVerdict.ChangeProtocol
            : factors.Values.All(f => Math.Abs(f - 1) <= variabilityFraction) ? PhantomVerdict.WithinVariability : PhantomVerdict.ApplyCorrection;
        return new PhantomCalibration(scannerId, date, protocol.Name, protocol.FieldStrengthT, reference, factors, verdict, variabilityFraction, normalised, notes);
    }

    /// <summary>
    /// Corrected ratios (measured × factor of their sequence); sequences without a factor pass unchanged with a warning.
    /// </summary>
    /// <exception cref="SignalRatioException">The calibration is for another protocol, or its verdict is <see cref="PhantomVerdict.ChangeProtocol"/>.</exception>
    public (IReadOnlyList<LiverMuscleRatio> Ratios, IReadOnlyList<string> Warnings) Apply(SirProtocol protocol, IReadOnlyList<LiverMuscleRatio> ratios)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(ratios);
        if (!string.Equals(protocol.Name, Protocol, StringComparison.OrdinalIgnoreCase))
            throw new SignalRatioException($"the phantom calibration of scanner '{ScannerId}' is for protocol {Protocol}, not {protocol.Name}.");
        if (Verdict == PhantomVerdict.ChangeProtocol)
            throw new SignalRatioException($"the phantom calibration of scanner '{ScannerId}' ({Date:yyyy-MM-dd}) says the protocol must be changed; no factor makes its ratios comparable: {string.Join(" ", Notes.Where(n => n.Contains("change", StringComparison.OrdinalIgnoreCase)))}");
        var warnings = new List<string> { string.Create(CultureInfo.InvariantCulture, $"Phantom correction of scanner '{ScannerId}' ({Date:yyyy-MM-dd}, {Reference}, verdict {Verdict}) applied.") };
        var corrected = new List<LiverMuscleRatio>();
        foreach (var r in ratios)
        {
            var label = Factors.Keys.FirstOrDefault(k => string.Equals(k, r.Sequence, StringComparison.OrdinalIgnoreCase));
            if (label is null)
            {
                warnings.Add($"{r.Sequence}: no phantom factor; L/M left uncorrected.");
                corrected.Add(r);
                continue;
            }
            double f = Factors[label];
            corrected.Add(r with { Ratio = r.Ratio * f, Source = string.Create(CultureInfo.InvariantCulture, $"{r.Source} × phantom factor {f:0.####} (measured L/M {r.Ratio:0.####})") });
        }
        return (corrected, warnings);
    }

    /// <summary>"scanner id, date".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{ScannerId}, {Date:yyyy-MM-dd}");

    /// <summary>Serializes to JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the file.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <summary>Reads a calibration file.</summary>
    /// <exception cref="SignalRatioException">Not a phantom calibration, a newer version, invalid JSON, or non-finite/≤ 0 factors; the message names the file.</exception>
    public static PhantomCalibration Load(string path) => FromJson(File.ReadAllText(path), path);

    /// <summary>Parses and checks a calibration.</summary>
    /// <exception cref="SignalRatioException">As <see cref="Load"/>.</exception>
    public static PhantomCalibration FromJson(string json, string source = "(text)")
    {
        PhantomCalibration? c;
        try
        {
            using (var doc = JsonDocument.Parse(json))
            {
                var root = doc.RootElement;
                if (!root.TryGetProperty("schema", out var s) || s.GetString() != SchemaName)
                    throw new SignalRatioException($"'{source}' is not a phantom calibration: \"schema\" must be \"{SchemaName}\".");
                if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != CurrentVersion)
                    throw new SignalRatioException($"'{source}' has phantom calibration version {(root.TryGetProperty("version", out var vv) ? vv.ToString() : "(none)")}; this library reads version {CurrentVersion}.");
            }
            c = JsonSerializer.Deserialize<PhantomCalibration>(json, Json);
        }
        catch (JsonException e)
        {
            throw new SignalRatioException($"'{source}' is not valid phantom calibration JSON at {e.Path}: {e.Message}", null, e);
        }
        if (c is null || c.Factors is null || c.Protocol is null || c.ScannerId is null)
            throw new SignalRatioException($"'{source}' lacks scannerId, protocol or factors.");
        var bad = c.Factors.FirstOrDefault(kv => !double.IsFinite(kv.Value) || kv.Value <= 0);
        if (bad.Key is not null) throw new SignalRatioException(string.Create(CultureInfo.InvariantCulture, $"'{source}': factor {bad.Value} must be a finite number above 0."), bad.Key);
        return c with { Measurements = c.Measurements ?? [], Notes = c.Notes ?? [] };
    }
}
