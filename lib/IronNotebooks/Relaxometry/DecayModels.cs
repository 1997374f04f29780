using IronNotebooks.Relaxometry.Internal;

namespace IronNotebooks.Relaxometry;

/// <summary>
/// The registry of decay models (docs/methods.md §4: Wood &amp; Ghugre review; Ghugre 2006; MRM 2013;70:1765; Pei et al., MRM
/// 2015;73:843). Look a model up by name with <see cref="Get"/>; fit with <see cref="DecayFit.Fit"/>.
/// </summary>
public static class DecayModels
{
    /// <summary>Mono-exponential S = S0·e^(−R2*·TE), least squares on the magnitude signal (variable projection: S0 is
    /// linear given R2*, Newton on R2*).</summary>
    public static DecayModel Mono { get; } = new("mono", "S = S0·exp(−R2*·TE); nonlinear least squares",
        "Wood & Ghugre review; Ghugre et al. 2006", 2,
        "Biased low at high R2* when late echoes sit on the Rician noise floor.") { Kind = DecayModelKind.Mono };

    /// <summary>Exponential plus constant S = S0·e^(−R2*·TE) + C, least squares by variable projection (S0 and C are a
    /// 2 × 2 linear problem given R2*; Newton on R2*).</summary>
    public static DecayModel Offset { get; } = new("offset", "S = S0·exp(−R2*·TE) + C; nonlinear least squares",
        "Ghugre et al. 2006", 3,
        "Known to overestimate R2* (the constant absorbs part of the slow decay) [V, docs/methods.md §4].") { Kind = DecayModelKind.Offset };

    /// <summary>Truncation: drop the first echo below k·σ and all later ones, then fit the mono-exponential (needs σ).</summary>
    public static DecayModel Truncation { get; } = new("truncation",
        "mono-exponential on the leading echoes whose signal is ≥ k·σ (k = TruncationNoiseFactor, default 2)",
        "Wood & Ghugre review (truncation model)", 2,
        "Underestimates very high R2* (few echoes above noise, limited by the first TE) [V, docs/methods.md §4]. Requires DecayFitOptions.NoiseSigma; "
        + "without it nothing is truncated and a warning says so.") { Kind = DecayModelKind.Truncation };

    /// <summary>Weighted log-linear: least squares of ln S on TE with weights S² (the first-order variance of ln S is σ²/S²).</summary>
    public static DecayModel LogLinear { get; } = new("loglinear", "ln S = ln S0 − R2*·TE; weighted least squares, weights S²",
        "Wood & Ghugre review", 2,
        "Closed form. Echoes with S ≤ 0 are excluded. Biased at the noise floor like the mono-exponential fit.") { Kind = DecayModelKind.LogLinear };

    /// <summary>ARLO, auto-regression on linear operations (Pei et al., MRM 2015;73:843), any echo spacing.</summary>
    public static DecayModel Arlo { get; } = new("arlo",
        "R2* = (Σ y·x + Σ β·x²)/(Σ β·y·x + Σ y²) over consecutive echo triples (docs/methods.md §4); S0 by least squares given R2*",
        "Pei et al. 2015, Magn Reson Med 73:843", 3,
        "Closed form, no iterations; no standard errors.") { Kind = DecayModelKind.Arlo };

    /// <summary>Bi-exponential S = S1·e^(−R1·TE) + S2·e^(−R2·TE), Levenberg–Marquardt; the faster component is reported as R2*.</summary>
    public static DecayModel BiExponential { get; } = new("biexp", "S = S1·exp(−R2*fast·TE) + S2·exp(−R2*slow·TE); nonlinear least squares",
        "Wood & Ghugre review; Ghugre et al. 2006", 5,
        "Four parameters: needs many echoes and good SNR; poorly determined for near-mono decays.") { Kind = DecayModelKind.BiExponential };

    /// <summary>Noise-corrected: least squares of the Rician first moment E[M] = σ·√(π/2)·L½(−A²/2σ²), A = S0·e^(−R2*·TE) (needs σ).</summary>
    public static DecayModel Rician { get; } = new("rician",
        "E[M] = σ·√(π/2)·e^(−z)·[(1 + 2z)·I0(z) + 2z·I1(z)], z = A²/(4σ²), A = S0·exp(−R2*·TE); nonlinear least squares",
        "Wood & Ghugre review (noise-corrected first-moment model)", 2,
        "Accurate at high R2* when σ is right [V, docs/methods.md §4]. Requires DecayFitOptions.NoiseSigma.") { Kind = DecayModelKind.Rician };

    /// <summary>
    /// Noise-corrected second moment: least squares of M² against E[M²] = S0²·e^(−2R2*·TE) + 2Lσ² (non-central χ with L
    /// coils; Rician for L = 1). Needs σ (<see cref="DecayFitOptions.NoiseSigma"/>) and the coil count
    /// (<see cref="DecayFitOptions.CoilCount"/>, default 1).
    /// </summary>
    public static DecayModel SecondMoment { get; } = new("secondmoment",
        "M² = S0²·exp(−2R2*·TE) + 2Lσ²; least squares on the squared magnitude (L coils, σ per channel)",
        "Wood & Ghugre review (noise-corrected second-moment model); docs/methods.md §4", 2,
        "Unbiased in expectation when σ and L are right [V, docs/methods.md §4]; squaring weights the early echoes heavily, so it "
        + "is noisier than the first-moment model. Requires DecayFitOptions.NoiseSigma.") { Kind = DecayModelKind.SecondMoment };

    /// <summary>Every model, in registry order.</summary>
    public static IReadOnlyList<DecayModel> All { get; } = [Mono, Offset, Truncation, LogLinear, Arlo, BiExponential, Rician, SecondMoment];

    /// <summary>The model named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such model; the message lists the names.</exception>
    public static DecayModel Get(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown decay model '{name}'; known: {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));
}
