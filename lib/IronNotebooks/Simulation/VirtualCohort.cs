using System.Globalization;
using IronNotebooks.Calibration;

namespace IronNotebooks.Simulation;

/// <summary>Seeded, reproducible virtual cohorts.</summary>
public static class VirtualCohort
{
    /// <summary>
    /// <paramref name="patients"/> virtual patients whose biopsy classes follow <paramref name="mix"/> exactly (largest
    /// remainder) in a seeded random order, each LIC drawn log-uniformly within its class. Patient i is "SYN-000i"
    /// (1-based). The same seed gives the same cohort on every run and platform.
    /// </summary>
    public static IReadOnlyList<VirtualPatient> Draw(CohortMix mix, int patients, ulong seed, string r2StarCalibration = LiverIronModel.DefaultR2StarCalibration)
    {
        ArgumentNullException.ThrowIfNull(mix);
        var counts = mix.Apportion(patients);
        var classes = new List<CohortClass>(patients);
        for (int c = 0; c < counts.Count; c++) classes.AddRange(Enumerable.Repeat(mix.Classes[c], counts[c]));
        var order = SeededRandom.Derive(seed, "cohort/" + mix.Name + "/order");
        order.Shuffle(classes);
        var result = new List<VirtualPatient>(patients);
        for (int i = 0; i < classes.Count; i++)
        {
            var k = classes[i];
            var rng = SeededRandom.Derive(seed, string.Create(CultureInfo.InvariantCulture, $"cohort/{mix.Name}/patient/{i + 1}"));
            double lic = Math.Exp(rng.NextDouble(Math.Log(k.MinUmolPerGram), Math.Log(k.MaxUmolPerGram)));
            lic = Math.Round(lic, 1);
            if (lic >= k.MaxUmolPerGram) lic = k.MaxUmolPerGram - 0.1; // rounding must not move a patient into the next class
            result.Add(new VirtualPatient(PatientId(i + 1), LiverIronConcentration.FromUmolPerGram(lic), r2StarCalibration, BiopsyClass: k.Label));
        }
        return result;
    }

    /// <summary>
    /// A liver proton-density fat fraction (0–1) for one patient, uniform in 0–<paramref name="maxFraction"/> and rounded to
    /// 0.001, from the patient's own stream (the same seed and ID give the same value whatever the cohort size).
    /// </summary>
    public static double DrawFatFraction(ulong seed, string patientId, double maxFraction)
    {
        Guard.InRange(maxFraction, 0, 0.5);
        var rng = SeededRandom.Derive(seed, "cohort/fat/" + patientId);
        return Math.Round(rng.NextDouble(0, maxFraction), 3);
    }

    /// <summary>The ID of the <paramref name="number"/>-th virtual patient (1-based): "SYN-0001".</summary>
    public static string PatientId(int number) => string.Create(CultureInfo.InvariantCulture, $"SYN-{number:D4}");
}
