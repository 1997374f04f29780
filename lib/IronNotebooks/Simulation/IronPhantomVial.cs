namespace IronNotebooks.Simulation;

/// <summary>One vial of the iron phantom: its relaxation and, when it mimics a liver, the LIC it stands for.</summary>
/// <param name="Name">Vial name used for its ROI (e.g. "vial-3").</param>
/// <param name="R2StarPerSecond">R2* at the scan's field, s⁻¹.</param>
/// <param name="R2PerSecond">R2 at the scan's field, s⁻¹.</param>
/// <param name="T1Ms">T1, ms.</param>
/// <param name="LiverEquivalentLicMgPerGram">The LIC whose liver relaxation the vial copies, or null for a plain R2* vial.</param>
public sealed record IronPhantomVial(string Name, double R2StarPerSecond, double R2PerSecond, double T1Ms, double? LiverEquivalentLicMgPerGram);
