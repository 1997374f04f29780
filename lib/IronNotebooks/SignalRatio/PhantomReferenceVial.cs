namespace IronNotebooks.SignalRatio;

/// <summary>A vial of a reference phantom set and the ratio it must give on one sequence.</summary>
/// <param name="Vial">Vial name.</param>
/// <param name="IronMgPerMl">Fe concentration, mg/mL.</param>
/// <param name="Sequence">Sequence label.</param>
/// <param name="ReferenceRatio">Vial / water signal ratio the protocol must reproduce.</param>
public sealed record PhantomReferenceVial(string Vial, double IronMgPerMl, string Sequence, double ReferenceRatio);
