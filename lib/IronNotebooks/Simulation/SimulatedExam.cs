namespace IronNotebooks.Simulation;

/// <summary>
/// A written synthetic exam: where it is, what it holds and the truth it was made from. Saved beside the DICOM study as
/// truth.json; the ROI set is rois.json. For SIR work: <see cref="Sequence"/>("T2").LiverToMuscleRatio and
/// <see cref="LicUmolPerGram"/>.
/// </summary>
/// <param name="PatientId">Patient ID (folder name).</param>
/// <param name="Protocols">Protocols written.</param>
/// <param name="FieldStrengthT">Field, tesla.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Folder">The exam folder (absolute).</param>
/// <param name="RoiSetFile">rois.json, relative to <paramref name="Folder"/>.</param>
/// <param name="StudyInstanceUid">Study Instance UID.</param>
/// <param name="LicUmolPerGram">True LIC, µmol/g (null for the phantom).</param>
/// <param name="LicMgPerGram">True LIC, mg/g (null for the phantom).</param>
/// <param name="BiopsyClass">Biopsy class of the true LIC.</param>
/// <param name="LiverR2StarPerSecond">Liver R2* at the field, s⁻¹ (null for the phantom).</param>
/// <param name="LiverR2PerSecond">Liver R2 at the field, s⁻¹.</param>
/// <param name="R2StarCalibration">R2* calibration inverted.</param>
/// <param name="R2Calibration">R2 curve used.</param>
/// <param name="R2StarRule">How R2* reached the field.</param>
/// <param name="LiverFatFraction">Liver fat fraction.</param>
/// <param name="Snr">SNR setting.</param>
/// <param name="Scaling">Stored-value scaling name.</param>
/// <param name="Anatomy">What was drawn.</param>
/// <param name="Tissues">Parameters of every tissue as simulated (liver after the LIC model).</param>
/// <param name="Vials">Phantom vials (empty for patients).</param>
/// <param name="Series">The series written.</param>
/// <param name="Warnings">Assumptions and extrapolations that apply.</param>
public sealed record SimulatedExam(string PatientId, IReadOnlyList<string> Protocols, double FieldStrengthT, ulong Seed, string Folder, string RoiSetFile,
    string StudyInstanceUid, double? LicUmolPerGram, double? LicMgPerGram, string? BiopsyClass, double? LiverR2StarPerSecond, double? LiverR2PerSecond,
    string? R2StarCalibration, string? R2Calibration, string? R2StarRule, double LiverFatFraction, double Snr, string Scaling, string Anatomy,
    IReadOnlyList<TissueRelaxation> Tissues, IReadOnlyList<IronPhantomVial> Vials, IReadOnlyList<SimulatedSeries> Series, IReadOnlyList<string> Warnings)
{
    /// <summary>The drawn body of a varied-anatomy exam (<c>--anatomy random</c>), or null for the standard abdomen; its
    /// tissue map is <see cref="SyntheticExamWriter.TissueMapFileName"/> beside truth.json.</summary>
    public AnatomyVariation? Variation { get; init; }

    /// <summary>The series with a sequence label.</summary>
    /// <exception cref="KeyNotFoundException">No such series; the message lists the labels.</exception>
    public SimulatedSeries Sequence(string label) => Series.FirstOrDefault(s => s.Label == label)
        ?? throw new KeyNotFoundException($"No series '{label}' in exam {PatientId}; labels: {string.Join(", ", Series.Select(s => s.Label))}.");

    /// <summary>Absolute path of a file named relative to the exam folder.</summary>
    public string PathOf(string relative) => System.IO.Path.Combine(Folder, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
