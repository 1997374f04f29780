using IronNotebooks.Display;
using IronNotebooks.Roi;
using IronNotebooks.Simulation;

namespace IronNotebooks.Teaching;

/// <summary>
/// Checks a resident's answer in an exercise notebook (notebooks/09-residents-exercises.ipynb): a number within a
/// tolerance, or one choice among named options. The expected value is computed by the notebook from the library or
/// read from datasets/published, never typed in as a bare number.
/// </summary>
public static class ExerciseCheck
{
    /// <summary>A numeric answer, correct when |answer − expected| ≤ tolerance.</summary>
    /// <param name="exercise">Exercise label.</param>
    /// <param name="answer">The resident's answer (null or NaN: not answered).</param>
    /// <param name="expected">The right value.</param>
    /// <param name="tolerance">Accepted absolute difference (≥ 0), e.g. the rounding a reader would do.</param>
    /// <param name="unit">Unit, shown with the numbers ("" when dimensionless).</param>
    /// <param name="hint">Shown when the answer is wrong or missing: how to get there, not the answer.</param>
    /// <param name="explanation">Shown when the answer is right: what it means.</param>
    /// <exception cref="ArgumentOutOfRangeException">Tolerance negative or NaN, or expected not finite.</exception>
    public static ExerciseResult Number(string exercise, double? answer, double expected, double tolerance, string unit, string hint, string explanation)
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "Tolerance must be ≥ 0.");
        if (!double.IsFinite(expected)) throw new ArgumentOutOfRangeException(nameof(expected), expected, "The expected value must be finite.");
        string suffix = string.IsNullOrEmpty(unit) ? "" : " " + unit;
        var status = answer is not { } a || double.IsNaN(a) ? ExerciseStatus.NotAnswered
            : Math.Abs(a - expected) <= tolerance + 1e-12 * Math.Max(Math.Abs(a), Math.Abs(expected)) ? ExerciseStatus.Correct
            : ExerciseStatus.Incorrect;
        return new ExerciseResult
        {
            Exercise = exercise,
            Answer = answer is { } v && !double.IsNaN(v) ? Numbers.G(v) + suffix : Numbers.Missing,
            Status = status,
            Expected = $"{Numbers.G(expected)} ± {Numbers.G(tolerance)}{suffix}",
            Feedback = status == ExerciseStatus.Correct ? explanation : hint,
        };
    }

    /// <summary>A choice among <paramref name="options"/>, compared ignoring case and surrounding spaces.</summary>
    /// <param name="exercise">Exercise label.</param>
    /// <param name="answer">The resident's choice (null or blank: not answered).</param>
    /// <param name="expected">The right option; must be one of <paramref name="options"/>.</param>
    /// <param name="options">Every accepted spelling a resident may choose from (shown in the hint when the answer is not one of them).</param>
    /// <param name="hint">Shown when the answer is wrong or missing.</param>
    /// <param name="explanation">Shown when the answer is right.</param>
    /// <exception cref="ArgumentException">The expected option is not among the options.</exception>
    public static ExerciseResult Choice(string exercise, string? answer, string expected, IReadOnlyList<string> options, string hint, string explanation)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Any(o => Same(o, expected)))
            throw new ArgumentException($"Expected answer '{expected}' is not one of the options ({string.Join(", ", options)}).", nameof(expected));
        var status = string.IsNullOrWhiteSpace(answer) ? ExerciseStatus.NotAnswered
            : Same(answer, expected) ? ExerciseStatus.Correct : ExerciseStatus.Incorrect;
        string feedback = status == ExerciseStatus.Correct ? explanation
            : status == ExerciseStatus.Incorrect && !options.Any(o => Same(o, answer!)) ? $"'{answer!.Trim()}' is not one of the options: {string.Join(", ", options)}. {hint}"
            : hint;
        return new ExerciseResult
        {
            Exercise = exercise,
            Answer = string.IsNullOrWhiteSpace(answer) ? Numbers.Missing : answer.Trim(),
            Status = status,
            Expected = expected,
            Feedback = feedback,
        };
    }

    /// <summary>
    /// ROIs placed on a synthetic exam, correct when there are <paramref name="expectedCount"/> of them and every pixel
    /// each one measures (pixel centres inside the shape, as <see cref="RoiRasterizer"/> counts them) lies in
    /// <paramref name="tissue"/> of the exam's anatomy. A wrong placement names the ROI and what it touches instead
    /// (e.g. a vessel, which is <see cref="Tissue.Blood"/>).
    /// </summary>
    /// <param name="exercise">Exercise label.</param>
    /// <param name="rois">The resident's ROIs (pixel space of the anatomy's geometry).</param>
    /// <param name="anatomy">The synthetic exam's anatomy (<see cref="VirtualAnatomy.Abdomen"/> with the exam's options).</param>
    /// <param name="tissue">The tissue every ROI must stay inside.</param>
    /// <param name="expectedCount">How many ROIs the protocol asks for.</param>
    /// <param name="hint">Shown when a placement is wrong or missing.</param>
    /// <param name="explanation">Shown when all are right.</param>
    public static ExerciseResult RoisInTissue(string exercise, IReadOnlyList<RoiShape>? rois, VirtualAnatomy anatomy, Tissue tissue, int expectedCount,
        string hint, string explanation)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        string answer = rois is null || rois.Count == 0 ? Numbers.Missing : $"{rois.Count} ROI(s): {string.Join(", ", rois.Select(r => r.Name))}";
        if (rois is null || rois.Count == 0)
            return new ExerciseResult { Exercise = exercise, Answer = answer, Status = ExerciseStatus.NotAnswered, Expected = $"{expectedCount} ROIs in {tissue}", Feedback = hint };
        var problems = new List<string>();
        if (rois.Count != expectedCount) problems.Add($"{rois.Count} ROIs drawn, the protocol asks for {expectedCount}");
        foreach (var roi in rois)
        {
            RoiMask mask;
            try { mask = RoiRasterizer.Rasterize(roi, anatomy.Geometry); }
            catch (RoiException e) { problems.Add(e.Message); continue; }
            var outside = mask.PixelIndices.Select(i => anatomy.Labels[i]).Where(t => t != tissue).GroupBy(t => t)
                .Select(g => $"{g.Count()} in {g.Key}").ToList();
            if (outside.Count > 0) problems.Add($"{roi.Name}: {mask.PixelIndices.Count} pixels, of which {string.Join(", ", outside)}");
        }
        var status = problems.Count == 0 ? ExerciseStatus.Correct : ExerciseStatus.Incorrect;
        return new ExerciseResult
        {
            Exercise = exercise,
            Answer = answer,
            Status = status,
            Expected = $"{expectedCount} ROIs entirely in {tissue}",
            Feedback = status == ExerciseStatus.Correct ? explanation : string.Join("; ", problems) + ". " + hint,
        };
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
