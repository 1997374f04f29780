namespace IronNotebooks.Calibration;

/// <summary>Age-normalised iron indices of docs/methods.md §1.</summary>
public static class IronIndices
{
    /// <summary>Classic hereditary-haemochromatosis threshold of the hepatic iron index [V].</summary>
    public const double HepaticIronIndexThreshold = 1.9;

    /// <summary>Olynyk 2005 fibrosis-index cut-off for F3–F4 (sensitivity 100 %, specificity 86 %) [SEED].</summary>
    public const double FibrosisIndexCutoff = 480_000;

    /// <summary>Hepatic iron index = LIC (µmol/g) / age (years) [V]; above 1.9 is the classic HH threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Age not in (0, 130] years.</exception>
    public static IndexResult HepaticIronIndex(LiverIronConcentration lic, double ageYears)
    {
        Guard.InRange(ageYears, 1e-3, 130);
        double v = lic.UmolPerGram / ageYears;
        return new IndexResult("hepatic iron index", v, "µmol/g per year", HepaticIronIndexThreshold, v > HepaticIronIndexThreshold,
            "LIC (µmol/g) / age (years); > 1.9 classic HH threshold [V].");
    }

    /// <summary>
    /// Fibrosis index (Olynyk 2005) = age (years) × LIC (µg/g dry weight) [SEED]. The seed does not state the unit; the
    /// 480,000 cut-off only makes sense with µg/g (docs/methods.md §1), so µg/g is used and the result says so.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Age not in (0, 130] years.</exception>
    public static IndexResult FibrosisIndex(LiverIronConcentration lic, double ageYears)
    {
        Guard.InRange(ageYears, 1e-3, 130);
        double v = ageYears * lic.MicrogramsPerGram;
        return new IndexResult("fibrosis index", v, "years × µg/g", FibrosisIndexCutoff, v > FibrosisIndexCutoff,
            "age × LIC with LIC in µg/g dry weight (unit inferred: the seed does not state it); cut-off 480,000 for F3–F4 [SEED].");
    }
}
