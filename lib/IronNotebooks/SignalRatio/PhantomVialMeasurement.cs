namespace IronNotebooks.SignalRatio;

/// <summary>One phantom vial measured on one sequence: the measured vial/reference ratio and the reference value it should have.</summary>
/// <param name="Vial">Vial name, e.g. "FeCl3 0.5 mg Fe/mL".</param>
/// <param name="Sequence">Protocol sequence label.</param>
/// <param name="MeasuredRatio">Vial signal / reference (water) signal measured on this scanner.</param>
/// <param name="ReferenceRatio">The ratio the phantom set prescribes for this vial and sequence.</param>
/// <param name="VialMean">Vial ROI mean, signal units, when measured from images (else null).</param>
/// <param name="ReferenceMean">Reference (water) ROI mean, signal units, when measured from images (else null).</param>
public sealed record PhantomVialMeasurement(string Vial, string Sequence, double MeasuredRatio, double ReferenceRatio, double? VialMean = null,
    double? ReferenceMean = null)
{
    /// <summary>The correction this vial asks for: ReferenceRatio / MeasuredRatio.</summary>
    public double FactorRatio => ReferenceRatio / MeasuredRatio;
}
