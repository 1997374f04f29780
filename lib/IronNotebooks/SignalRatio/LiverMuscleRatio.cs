using System.Globalization;
using IronNotebooks.Roi;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// The liver-to-muscle signal ratio of one sequence. Averaging rule (documented because readers differ): the liver
/// signal is the unweighted mean of the liver ROI means, the muscle signal the unweighted mean of the muscle ROI means
/// (each ROI counts once whatever its size, as when the means are read off a workstation), and L/M is their quotient.
/// The Rennes layout is three liver ROIs (right lobe, 1–2 cm, avoiding vessels) and two paraspinal muscle ROIs on the
/// same slice (docs/methods.md §2).
/// </summary>
/// <param name="Sequence">Protocol sequence label ("T2", "IW", …).</param>
/// <param name="Ratio">L/M, dimensionless.</param>
/// <param name="LiverMean">Mean of the liver ROI means (signal units), or null when the ratio was entered directly.</param>
/// <param name="MuscleMean">Mean of the muscle ROI means (signal units), or null when entered directly.</param>
/// <param name="LiverRoiCount">Liver ROIs averaged (0 when entered directly).</param>
/// <param name="MuscleRoiCount">Muscle ROIs averaged (0 when entered directly).</param>
/// <param name="Source">Where the values come from ("entered", "ROI means entered", a file and slice).</param>
/// <param name="Warnings">Departures from the Rennes layout (ROI counts) and the like.</param>
public sealed record LiverMuscleRatio(string Sequence, double Ratio, double? LiverMean, double? MuscleMean, int LiverRoiCount, int MuscleRoiCount,
    string Source, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Largest L/M accepted (input sanity bound, a project choice, not a published value). The spoiled-GRE equation
    /// with realistic liver and muscle T1 and proton density gives L/M below about 2 on every SIR sequence (the T1
    /// sequence is the highest); a ratio above 4 means swapped liver and muscle ROIs, a muscle ROI in fat or a wrong
    /// sequence.
    /// </summary>
    public const double PlausibleMaximum = 4.0;

    /// <summary>A ratio entered directly (read off a workstation).</summary>
    /// <exception cref="SignalRatioException">Not finite, ≤ 0, or above <see cref="PlausibleMaximum"/>; the message names the sequence.</exception>
    public static LiverMuscleRatio FromRatio(string sequence, double ratio, string source = "entered")
    {
        CheckRatio(sequence, ratio);
        return new LiverMuscleRatio(sequence, ratio, null, null, 0, 0, source, []);
    }

    /// <summary>
    /// A ratio from raw ROI means (three liver and two muscle per the Rennes layout; other counts are accepted with a
    /// warning, at least one of each is required).
    /// </summary>
    /// <exception cref="SignalRatioException">No liver or muscle mean, a non-finite mean, a liver mean below 0, a muscle signal ≤ 0, or a ratio out of range.</exception>
    public static LiverMuscleRatio FromRoiMeans(string sequence, IReadOnlyList<double> liverMeans, IReadOnlyList<double> muscleMeans, string source = "ROI means entered")
    {
        ArgumentNullException.ThrowIfNull(liverMeans);
        ArgumentNullException.ThrowIfNull(muscleMeans);
        if (liverMeans.Count == 0) throw new SignalRatioException("no liver ROI mean given (the Rennes layout has three).", sequence);
        if (muscleMeans.Count == 0) throw new SignalRatioException("no muscle ROI mean given (the Rennes layout has two, left and right paraspinal).", sequence);
        for (int i = 0; i < liverMeans.Count; i++)
            if (!double.IsFinite(liverMeans[i]) || liverMeans[i] < 0)
                throw new SignalRatioException(string.Create(CultureInfo.InvariantCulture, $"liver ROI mean #{i + 1} is {liverMeans[i]}; a magnitude signal must be a finite number ≥ 0."), sequence);
        for (int i = 0; i < muscleMeans.Count; i++)
            if (!double.IsFinite(muscleMeans[i]) || muscleMeans[i] <= 0)
                throw new SignalRatioException(string.Create(CultureInfo.InvariantCulture, $"muscle ROI mean #{i + 1} is {muscleMeans[i]}; muscle signal must be above 0 (zero or negative muscle signal: ROI outside the body, wrong image or a phase/real image)."), sequence);
        double liver = liverMeans.Average(), muscle = muscleMeans.Average();
        var warnings = new List<string>();
        if (liverMeans.Count != 3 || muscleMeans.Count != 2)
            warnings.Add($"{sequence}: {liverMeans.Count} liver and {muscleMeans.Count} muscle ROIs; the Rennes layout uses three liver and two paraspinal muscle ROIs.");
        double ratio = liver / muscle;
        CheckRatio(sequence, ratio);
        return new LiverMuscleRatio(sequence, ratio, liver, muscle, liverMeans.Count, muscleMeans.Count, source, warnings);
    }

    /// <summary>
    /// A ratio from ROI statistics measured on one sequence's image: liver ROIs by <see cref="RoiRole.Liver"/>, muscle
    /// ROIs by the two paraspinal roles; other roles are ignored.
    /// </summary>
    /// <exception cref="SignalRatioException">As <see cref="FromRoiMeans"/>; also when the set has no liver or no muscle ROI.</exception>
    public static LiverMuscleRatio FromStatistics(string sequence, IEnumerable<RoiStatistics> statistics, string source)
    {
        var list = Guard.NotNull(statistics).ToList();
        var liver = list.Where(s => s.Role == RoiRole.Liver).Select(s => s.Mean).ToList();
        var muscle = list.Where(s => s.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal).Select(s => s.Mean).ToList();
        return FromRoiMeans(sequence, liver, muscle, source);
    }

    private static void CheckRatio(string sequence, double ratio)
    {
        if (!double.IsFinite(ratio) || ratio <= 0)
            throw new SignalRatioException(string.Create(CultureInfo.InvariantCulture, $"L/M = {ratio} is not a usable ratio; it must be a finite number above 0."), sequence);
        if (ratio > PlausibleMaximum)
            throw new SignalRatioException(string.Create(CultureInfo.InvariantCulture,
                $"L/M = {ratio} is outside any physical range for liver over muscle (accepted 0 < L/M ≤ {PlausibleMaximum}); check that liver and muscle ROIs are not swapped and that the image is this sequence."), sequence);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence} L/M = {Ratio:0.###}");
}
