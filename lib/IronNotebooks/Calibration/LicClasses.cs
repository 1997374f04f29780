namespace IronNotebooks.Calibration;

/// <summary>The classification schemes of docs/methods.md §1.</summary>
public static class LicClasses
{
    /// <summary>Guideline grading on mg/g [S]: &lt; 1.8 | 1.8–3.2 | 3.2–7 | 7–15 | &gt; 15 (a cut value goes to the class above). Labels differ
    /// between sources, so the default is neutral "grade 0" … "grade 4".</summary>
    public static ClassificationScheme Guideline { get; } = new("guideline-mg", "mg/g",
        [new(1.8, true), new(3.2, true), new(7, true), new(15, true)], ["grade 0", "grade 1", "grade 2", "grade 3", "grade 4"],
        "Grading used by recent guidelines (docs/methods.md §1)", EvidenceStatus.Secondary);

    /// <summary>Biopsy classes of the SIR papers [SEED]: normal &lt; 36 µmol/g; moderate 36–80; high &gt; 80 (80 itself is moderate).</summary>
    public static ClassificationScheme BiopsyUmol { get; } = new("biopsy-umol", "µmol/g",
        [new(36, true), new(80, false)], ["normal", "moderate", "high"],
        "SIR papers (Gandon 2004; Alústiza 2004) via Castiella et al. 2013 (docs/methods.md §1)", EvidenceStatus.Seed);

    /// <summary>Transfusional thresholds [V]: ≤ 7 mg/g (upper "optimal"), 7–15, &gt; 15 mg/g (cardiac risk).</summary>
    public static ClassificationScheme Transfusional { get; } = new("transfusional-mg", "mg/g",
        [new(7, false), new(15, false)], ["≤ 7 mg/g", "7–15 mg/g", "> 15 mg/g (cardiac risk)"],
        "Figure legends of Blood reviews (docs/methods.md §1)", EvidenceStatus.Verified);

    /// <summary>Cardiac T2* at 1.5 T [V]: ≤ 10 ms severe; 10–20 ms moderate; &gt; 20 ms no iron (Kirk 2009: heart-failure RR 160 below 10 ms).</summary>
    public static ClassificationScheme CardiacT2Star { get; } = new("cardiac-t2star-1.5t", "ms",
        [new(10, false), new(20, false)], ["severe", "moderate", "no iron"],
        "Kirk et al. 2009 (docs/methods.md §1); 1.5 T only", EvidenceStatus.Verified);

    /// <summary>Every scheme.</summary>
    public static IReadOnlyList<ClassificationScheme> All { get; } = [Guideline, BiopsyUmol, Transfusional, CardiacT2Star];
}
