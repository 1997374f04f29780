using IronNotebooks.Calibration;

namespace IronNotebooks.Simulation;

/// <summary>A virtual patient: the ground truth a synthetic exam is made from.</summary>
/// <param name="Id">Patient ID written to DICOM and used as the folder name (e.g. "SYN-0001").</param>
/// <param name="Lic">True liver iron concentration.</param>
/// <param name="R2StarCalibration">The R2* calibration whose inverse gives the liver R2* (default wood2005).</param>
/// <param name="LiverFatFraction">Proton-density fat fraction of the liver, 0–0.5 (steatosis; 0 by default).</param>
/// <param name="HeartT2StarMs1p5T">Septum T2* at 1.5 T, ms, when the slice shows the heart; null for the registry's normal value.</param>
/// <param name="BiopsyClass">The biopsy class the cohort drew the LIC from (normal/moderate/high), or null.</param>
public sealed record VirtualPatient(string Id, LiverIronConcentration Lic, string R2StarCalibration = LiverIronModel.DefaultR2StarCalibration,
    double LiverFatFraction = 0, double? HeartT2StarMs1p5T = null, string? BiopsyClass = null)
{
    /// <summary>The SIR papers' biopsy class of <see cref="Lic"/> (&lt; 36 normal, 36–80 moderate, &gt; 80 µmol/g high).</summary>
    public string LicClass => LicClasses.BiopsyUmol.Classify(Lic.UmolPerGram).Label;
}
