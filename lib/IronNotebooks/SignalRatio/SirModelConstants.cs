using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IronNotebooks.Calibration;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// The calibration-file hook: constants of an SIR model that the project does not have (the Rennes worksheet, the
/// Lille formula), loaded from a JSON file by a user who holds them. Two forms cover published SIR regressions:
/// "exp-linear", LIC = exp(Intercept + Σ cᵢ·L/Mᵢ) (the form of Alústiza 2004), and "linear", LIC = Intercept + Σ cᵢ·L/Mᵢ,
/// in the file's unit. Results carry status <see cref="SirMethodStatus.UserConstants"/> and the file's source text.
/// Schema <c>ironnotebooks/sir-model-constants</c> version 1:
/// <code>
/// { "schema": "ironnotebooks/sir-model-constants", "version": 1, "name": "…", "protocol": "rennes-1.5T",
///   "source": "where the constants come from", "form": "exp-linear", "unit": "umol/g",
///   "intercept": 5.8, "coefficients": { "T2++": -1.2, "PD": -0.5 }, "validMinUmolPerGram": 3, "validMaxUmolPerGram": 350 }
/// </code>
/// </summary>
/// <param name="Name">A name for reports.</param>
/// <param name="Protocol">The SIR protocol the constants belong to (a <see cref="SirProtocols"/> name).</param>
/// <param name="Source">Where the constants come from (document, version, date): shown with every result.</param>
/// <param name="Form">"exp-linear" or "linear".</param>
/// <param name="Unit">"umol/g" or "mg/g": the unit of the formula's LIC.</param>
/// <param name="Intercept">Intercept, in the formula's own scale (ln LIC for exp-linear).</param>
/// <param name="Coefficients">Coefficient per sequence label.</param>
/// <param name="ValidMinUmolPerGram">Lower end of the stated validity range, µmol/g, or null.</param>
/// <param name="ValidMaxUmolPerGram">Upper end, µmol/g, or null: above it the result is reported as above range.</param>
public sealed record SirModelConstants(string Name, string Protocol, string Source, string Form, string Unit, double Intercept,
    IReadOnlyDictionary<string, double> Coefficients, double? ValidMinUmolPerGram, double? ValidMaxUmolPerGram)
{
    /// <summary>The schema name written in every file.</summary>
    public const string SchemaName = "ironnotebooks/sir-model-constants";

    /// <summary>The schema version this library reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Schema name.</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Schema version.</summary>
    public int Version { get; init; } = CurrentVersion;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Serializes to JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a constants file.</summary>
    /// <exception cref="SignalRatioException">Unreadable, wrong schema or version, unknown protocol, form, unit or sequence; the message names the file.</exception>
    public static SirModelConstants Load(string path) => FromJson(File.ReadAllText(path), path);

    /// <summary>Parses and checks constants (schema, version, protocol, form, unit, sequence labels, finite numbers).</summary>
    /// <exception cref="SignalRatioException">As <see cref="Load"/>.</exception>
    public static SirModelConstants FromJson(string json, string source = "(text)")
    {
        SirModelConstants? c;
        try
        {
            using (var doc = JsonDocument.Parse(json))
            {
                var root = doc.RootElement;
                if (!root.TryGetProperty("schema", out var s) || s.GetString() != SchemaName)
                    throw new SignalRatioException($"'{source}' is not an SIR constants file: \"schema\" must be \"{SchemaName}\".");
                if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != CurrentVersion)
                    throw new SignalRatioException($"'{source}' has SIR constants version {(root.TryGetProperty("version", out var vv) ? vv.ToString() : "(none)")}; this library reads version {CurrentVersion}.");
            }
            c = JsonSerializer.Deserialize<SirModelConstants>(json, Json);
        }
        catch (JsonException e)
        {
            throw new SignalRatioException($"'{source}' is not valid SIR constants JSON at {e.Path}: {e.Message}", null, e);
        }
        if (c is null || c.Coefficients is null || c.Coefficients.Count == 0 || c.Protocol is null || c.Form is null || c.Unit is null)
            throw new SignalRatioException($"'{source}' lacks protocol, form, unit or coefficients.");
        SirProtocol protocol;
        try { protocol = SirProtocols.Get(c.Protocol); }
        catch (ArgumentException e) { throw new SignalRatioException($"'{source}': {e.Message}", null, e); }
        if (c.Form is not ("exp-linear" or "linear")) throw new SignalRatioException($"'{source}': form '{c.Form}' is not \"exp-linear\" or \"linear\".");
        if (c.Unit is not ("umol/g" or "mg/g")) throw new SignalRatioException($"'{source}': unit '{c.Unit}' is not \"umol/g\" or \"mg/g\".");
        if (!double.IsFinite(c.Intercept) || c.Coefficients.Values.Any(x => !double.IsFinite(x)))
            throw new SignalRatioException($"'{source}': intercept and coefficients must be finite numbers.");
        foreach (var label in c.Coefficients.Keys) protocol.Step(label);   // unknown label → error naming it
        return c with { Protocol = protocol.Name };
    }

    /// <summary>
    /// The estimate from an exam's ratios (every sequence with a coefficient is required). Rennes protocols also get
    /// the published ratio rules and the band (marked as applied to user constants).
    /// </summary>
    /// <exception cref="SignalRatioException">A sequence missing, unknown or given twice; a protocol other than the file's.</exception>
    public SirEstimate Evaluate(SirProtocol protocol, IReadOnlyList<LiverMuscleRatio> ratios)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.Name != Protocol)
            throw new SignalRatioException($"the constants '{Name}' are for {Protocol}, not {protocol.Name}.");
        var r = SirRatioInput.Require(protocol, ratios, Coefficients.Keys);
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        double value = Intercept + Coefficients.Sum(kv => kv.Value * r[protocol.Step(kv.Key).Label].Ratio);
        double inUnit = Form == "exp-linear" ? Math.Exp(value) : value;
        var warnings = new List<string>(r.Values.SelectMany(v => v.Warnings)) { $"Constants supplied by the user ('{Name}': {Source}); not checked by the project." };
        LiverIronConcentration? lic = double.IsFinite(inUnit)
            ? (Unit == "mg/g" ? LiverIronConcentration.FromMgPerGram(inUnit) : LiverIronConcentration.FromUmolPerGram(inUnit)) : null;
        bool above = false;
        var decisions = new List<SirDecision>();
        if (protocol.Model == SirModel.Rennes) decisions.AddRange(RennesRules.RatioRules(protocol, r));
        if (lic is { } l)
        {
            if (l.UmolPerGram < 0) warnings.Add(F($"Negative LIC ({l.UmolPerGram:0.#} µmol/g): the ratios are outside the range of the constants."));
            if (ValidMaxUmolPerGram is double hi && l.UmolPerGram > hi)
            {
                above = true;
                warnings.Add(F($"LIC {l.UmolPerGram:0} µmol/g is above the constants' validity range (≤ {hi} µmol/g): report as above range."));
            }
            if (ValidMinUmolPerGram is double lo && l.UmolPerGram < lo)
                warnings.Add(F($"LIC {l.UmolPerGram:0.#} µmol/g is below the constants' validity range (≥ {lo} µmol/g)."));
            if (protocol.Model == SirModel.Rennes) decisions.Add(RennesRules.Band(l, SirMethodStatus.UserConstants));
            if (protocol.Model == SirModel.TwoSequence) decisions.Add(TwoSequenceModel.Decide(l) with { AppliedTo = F($"LIC {l.UmolPerGram:0.#} µmol/g from user constants") });
        }
        else warnings.Add("The constants give no finite LIC for these ratios.");
        string terms = string.Join(" + ", Coefficients.Select(kv => F($"{kv.Value}·{kv.Key}")));
        return new SirEstimate(protocol.Name, $"{protocol.Title} with user constants '{Name}'", SirMethodStatus.UserConstants, "user constants: " + Source,
            Form == "exp-linear" ? $"LIC ({Unit}) = exp({Intercept.ToString(CultureInfo.InvariantCulture)} + {terms})" : $"LIC ({Unit}) = {Intercept.ToString(CultureInfo.InvariantCulture)} + {terms}",
            protocol.Citation + "; constants: " + Source, protocol.FieldStrengthT, above ? null : lic, above, above ? lic : null, null, null, decisions,
            [.. r.Values], null, warnings);
    }
}
