using IronNotebooks.Display;

namespace IronNotebooks.Exams;

/// <summary>
/// One method on one exam: the row of the long table. The property names, camelCased, are the JSON keys and CSV headers
/// of `ironnb exam measure` and `ironnb cohort run` (pinned by an approval test). The rate is R2* for method "r2star"
/// and R2 for "r2" (s⁻¹); SIR rows have the liver R2* of a reconstruction when there is one.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource))]
public sealed record ExamMeasurementRow
{
    /// <summary>Exam id.</summary>
    public required string Exam { get; init; }

    /// <summary>"r2star", "r2", "sir" or "fatwater".</summary>
    public required string Method { get; init; }

    /// <summary>Decay model (r2star, r2), the SIR protocol asked for (sir) or the fat spectrum (fatwater).</summary>
    public required string Model { get; init; }

    /// <summary>Calibration name (r2star, r2); for sir the method status: published, reconstruction or userConstants (the R2* calibration of a reconstruction is in the warnings).</summary>
    public required string Calibration { get; init; }

    /// <summary>Field strength of the acquisition used, tesla; null when the files do not say.</summary>
    public double? FieldStrengthT { get; init; }

    /// <summary>The outcome.</summary>
    public required MeasurementStatus Status { get; init; }

    /// <summary>LIC, µmol Fe/g dry weight; null unless <see cref="Status"/> is estimated.</summary>
    public double? LicUmolPerGram { get; init; }

    /// <summary>LIC, mg Fe/g dry weight; null unless estimated.</summary>
    public double? LicMgPerGram { get; init; }

    /// <summary>R2* (r2star), R2 (r2) or the reconstruction's liver R2* (sir), s⁻¹; null when there is none.</summary>
    public double? RatePerSecond { get; init; }

    /// <summary>Liver proton-density fat fraction, percent (method "fatwater": mean of the liver ROI fits); null for other methods.</summary>
    public double? FatFractionPercent { get; init; }

    /// <summary>Lower end of the 95 % interval of the LIC, µmol/g (R2* and R2 rows with a standard error; see
    /// <see cref="ExamMeasurement"/> for its components); null where no interval could be formed.</summary>
    public double? LicCiLowUmolPerGram { get; init; }

    /// <summary>Upper end of the 95 % interval of the LIC, µmol/g; null where none could be formed or it is open above.</summary>
    public double? LicCiHighUmolPerGram { get; init; }

    /// <summary>Probability that the LIC exceeds 3, 7 and 15 mg/g under the interval's normal model; empty without an interval.</summary>
    public IReadOnlyList<IronNotebooks.Calibration.ThresholdProbability> ProbabilityAbove { get; init; } = [];

    /// <summary>For aboveRange: the LIC the data prove the patient exceeds, µmol/g, or null when not even that can be said.</summary>
    public double? LicLowerBoundUmolPerGram { get; init; }

    /// <summary>When the method reported is not the one asked for (e.g. Rennes → Lille add-on above 300 µmol/g), what and
    /// why; null when no switch happened.</summary>
    public string? MethodSwitch { get; init; }

    /// <summary>Everything the reader must know (reconstruction, validity range, flagged files).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Why there is no result (status failed), naming the file, sequence, ROI or fit; null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>Series numbers used.</summary>
    public required IReadOnlyList<int> Series { get; init; }

    /// <summary>DICOM files read for the row.</summary>
    public required int Files { get; init; }

    /// <summary>Echo times used, ms.</summary>
    public required IReadOnlyList<double> EchoTimesMs { get; init; }

    /// <summary>Time spent on the method (shared by the rows of one fit), ms; left out of results.csv so reruns compare byte for byte.</summary>
    public double DurationMs { get; init; }

    /// <summary>"method/model/calibration": the column key of the wide table (not serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => $"{Method}/{Model}/{Calibration}";
}
