using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Subjects cross-classified by the band their score falls in (rule-out / uncertain / rule-in, from two cut-offs)
/// against a multi-class reference (for example normal / moderate / high iron by biopsy), as the validation papers
/// tabulate a two-threshold test. Higher is positive: rule-in when score ≥ rule-in cut-off, rule-out when score &lt;
/// rule-out cut-off; lower is positive: rule-in when score ≤ rule-in cut-off, rule-out when score &gt; rule-out cut-off
/// (the same sides as <see cref="Roc"/>'s thresholds).
/// </summary>
/// <param name="Direction">Which end of the score is positive.</param>
/// <param name="RuleOutThreshold">The rule-out cut-off.</param>
/// <param name="RuleInThreshold">The rule-in cut-off.</param>
/// <param name="Bands">Row labels: "rule-out", "uncertain", "rule-in".</param>
/// <param name="Classes">Column labels, in the order given (or sorted ordinally when none was given).</param>
/// <param name="Counts">Counts[band][class].</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record ThreeBandTable(RocDirection Direction, double RuleOutThreshold, double RuleInThreshold,
    IReadOnlyList<string> Bands, IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>Total subjects.</summary>
    public int N => Counts.Sum(r => r.Sum());

    /// <summary>The count in one cell.</summary>
    /// <exception cref="ArgumentException">An unknown band or class label.</exception>
    public int Count(string band, string referenceClass)
    {
        int b = Bands.ToList().IndexOf(band), c = Classes.ToList().IndexOf(referenceClass);
        if (b < 0) throw new ArgumentException($"Unknown band '{band}'; bands are {string.Join(", ", Bands)}.", nameof(band));
        if (c < 0) throw new ArgumentException($"Unknown class '{referenceClass}'; classes are {string.Join(", ", Classes)}.", nameof(referenceClass));
        return Counts[b][c];
    }

    /// <summary>Tabulates with the rule-out and rule-in cut-offs of a <see cref="CutoffReport"/>.</summary>
    /// <exception cref="InsufficientDataException">The report has no rule-in or no rule-out cut-off.</exception>
    public static ThreeBandTable Compute(IReadOnlyList<double> scores, IReadOnlyList<string> classes, CutoffReport cutoffs, IReadOnlyList<string>? classOrder = null)
    {
        Guard.NotNull(cutoffs);
        if (cutoffs.RuleIn is null || cutoffs.RuleOut is null)
            throw new InsufficientDataException("Three-band table", "the ROC curve has no rule-in (PPV = 100 %) or no rule-out (NPV = 100 %) cut-off.");
        return Compute(scores, classes, cutoffs.RuleOut.Threshold, cutoffs.RuleIn.Threshold, cutoffs.Direction, classOrder);
    }

    /// <summary>Tabulates with explicit cut-offs.</summary>
    /// <param name="scores">Finite scores.</param>
    /// <param name="classes">Reference class of each subject.</param>
    /// <param name="ruleOutThreshold">Rule-out cut-off; on the negative side of (or equal to) the rule-in cut-off.</param>
    /// <param name="ruleInThreshold">Rule-in cut-off.</param>
    /// <param name="direction">Higher or lower is positive (not Auto).</param>
    /// <param name="classOrder">Column order; must name every class present. Null sorts the labels ordinally.</param>
    /// <exception cref="ArgumentException">Null or mismatched inputs, non-finite scores, cut-offs in the wrong order,
    /// Auto direction, or a class missing from <paramref name="classOrder"/>.</exception>
    public static ThreeBandTable Compute(IReadOnlyList<double> scores, IReadOnlyList<string> classes, double ruleOutThreshold,
        double ruleInThreshold, RocDirection direction, IReadOnlyList<string>? classOrder = null)
    {
        var x = Samples.Finite(scores, nameof(scores));
        Guard.NotNull(classes);
        Guard.SameLength(x.Length, classes.Count, nameof(scores), nameof(classes));
        if (direction == RocDirection.Auto || !Enum.IsDefined(direction))
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Give the direction the cut-offs were found with (HigherIsPositive or LowerIsPositive).");
        bool higher = direction == RocDirection.HigherIsPositive;
        if (double.IsNaN(ruleOutThreshold) || double.IsNaN(ruleInThreshold) || (higher ? ruleOutThreshold > ruleInThreshold : ruleOutThreshold < ruleInThreshold))
            throw new ArgumentException($"The rule-out cut-off ({ruleOutThreshold}) must lie on the negative side of the rule-in cut-off ({ruleInThreshold}) for {direction}.", nameof(ruleOutThreshold));

        var labels = classOrder?.ToList() ?? classes.Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new int[3][];
        for (int b = 0; b < 3; b++) counts[b] = new int[labels.Count];
        for (int i = 0; i < x.Length; i++)
        {
            int c = labels.IndexOf(classes[i]);
            if (c < 0) throw new ArgumentException($"classes[{i}] = '{classes[i]}' is not in classOrder ({string.Join(", ", labels)}).", nameof(classOrder));
            int band = higher
                ? x[i] >= ruleInThreshold ? 2 : x[i] < ruleOutThreshold ? 0 : 1
                : x[i] <= ruleInThreshold ? 2 : x[i] > ruleOutThreshold ? 0 : 1;
            counts[band][c]++;
        }
        return new ThreeBandTable(direction, ruleOutThreshold, ruleInThreshold, ["rule-out", "uncertain", "rule-in"], labels.AsReadOnly(),
            counts.Select(r => (IReadOnlyList<int>)Array.AsReadOnly(r)).ToList().AsReadOnly());
    }
}
