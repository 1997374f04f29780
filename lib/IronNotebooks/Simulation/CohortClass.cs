namespace IronNotebooks.Simulation;

/// <summary>One class of a cohort's mix: how many patients and the LIC range they are drawn from.</summary>
/// <param name="Label">Class label ("normal", "moderate", "high").</param>
/// <param name="Count">Patients of this class in the published cohort.</param>
/// <param name="MinUmolPerGram">Lower LIC bound, µmol/g (inclusive).</param>
/// <param name="MaxUmolPerGram">Upper LIC bound, µmol/g (exclusive).</param>
public sealed record CohortClass(string Label, int Count, double MinUmolPerGram, double MaxUmolPerGram);
