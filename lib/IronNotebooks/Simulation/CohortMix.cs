namespace IronNotebooks.Simulation;

/// <summary>
/// The class mix of a published cohort, to draw virtual cohorts with the same proportions. Within a class the LIC is
/// drawn log-uniformly between the bounds: the papers publish counts per class, not the distribution inside it, so the
/// within-class law and the outer bounds are assumptions (stated in <see cref="WithinClassAssumption"/>).
/// </summary>
/// <param name="Name">Registry name (e.g. "rennes-171").</param>
/// <param name="Classes">Classes with their published counts.</param>
/// <param name="Citation">Where the counts come from.</param>
/// <param name="Status">Status of the counts ([SEED], [V]).</param>
/// <param name="WithinClassAssumption">What is assumed beyond the counts.</param>
public sealed record CohortMix(string Name, IReadOnlyList<CohortClass> Classes, string Citation, string Status, string WithinClassAssumption)
{
    /// <summary>Patients in the published cohort.</summary>
    public int Total => Classes.Sum(c => c.Count);

    /// <summary>
    /// Class counts for <paramref name="patients"/> virtual patients by largest remainder (Hamilton): proportional to
    /// the published mix, summing to <paramref name="patients"/>, equal to the published counts when the sizes match.
    /// Ties go to the earlier class.
    /// </summary>
    public IReadOnlyList<int> Apportion(int patients)
    {
        Guard.InRange(patients, 1, 100_000);
        var exact = Classes.Select(c => (double)c.Count * patients / Total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int left = patients - counts.Sum();
        foreach (int i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left)) counts[i]++;
        return counts;
    }
}
