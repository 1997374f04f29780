using System.Globalization;

namespace IronNotebooks.Calibration;

/// <summary>
/// A linear R2* field-strength conversion R2*(high) = Slope·R2*(low) + Intercept, as a named, explicit step (never
/// applied silently). Entries live in <see cref="FieldStrengthScalings"/>.
/// </summary>
/// <param name="Name">Registry key.</param>
/// <param name="Organ">"liver" or "heart".</param>
/// <param name="LowFieldT">The lower field, tesla.</param>
/// <param name="HighFieldT">The higher field, tesla.</param>
/// <param name="Slope">Dimensionless slope.</param>
/// <param name="InterceptPerSecond">Intercept, s⁻¹.</param>
/// <param name="Citation">Source.</param>
/// <param name="Status">Evidence status.</param>
public sealed record FieldStrengthScaling(string Name, string Organ, double LowFieldT, double HighFieldT, double Slope, double InterceptPerSecond,
    string Citation, EvidenceStatus Status)
{
    /// <summary>R2* at the high field from R2* at the low field, s⁻¹.</summary>
    public double ToHighField(double r2StarLowFieldPerSecond) => Slope * Guard.Finite(r2StarLowFieldPerSecond) + InterceptPerSecond;

    /// <summary>R2* at the low field from R2* at the high field (the inverse line), s⁻¹.</summary>
    public double ToLowField(double r2StarHighFieldPerSecond) => (Guard.Finite(r2StarHighFieldPerSecond) - InterceptPerSecond) / Slope;

    /// <summary>R2* converted from <paramref name="fromFieldT"/> to <paramref name="toFieldT"/> (each must be this scaling's low or high field, ±0.05 T).</summary>
    /// <exception cref="ArgumentException">A field that is neither end of this scaling.</exception>
    public double Convert(double r2StarPerSecond, double fromFieldT, double toFieldT)
    {
        bool fromLow = Math.Abs(fromFieldT - LowFieldT) <= 0.05, fromHigh = Math.Abs(fromFieldT - HighFieldT) <= 0.05;
        bool toLow = Math.Abs(toFieldT - LowFieldT) <= 0.05, toHigh = Math.Abs(toFieldT - HighFieldT) <= 0.05;
        if (!(fromLow || fromHigh) || !(toLow || toHigh))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Name} converts between {LowFieldT} T and {HighFieldT} T only; asked {fromFieldT} T → {toFieldT} T."), nameof(fromFieldT));
        if (fromLow == toLow) return r2StarPerSecond;
        return fromLow ? ToHighField(r2StarPerSecond) : ToLowField(r2StarPerSecond);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
