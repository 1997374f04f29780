using System.Globalization;

namespace IronNotebooks.Statistics;

/// <summary>
/// A k × k table of paired classifications: rows are the first rater (or the reference), columns the second (or the
/// prediction), over one ordered list of labels shared by both. Immutable.
/// </summary>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    private ConfusionMatrix(int[,] counts, IReadOnlyList<string> labels, bool labelsGiven)
    {
        _counts = counts;
        Labels = labels;
        LabelsGiven = labelsGiven;
        int n = 0;
        foreach (var c in counts) n += c;
        N = n;
    }

    /// <summary>Category labels, in table order (the order weighted kappa uses).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>True when the caller gave the label order; false when it was sorted from the data.</summary>
    public bool LabelsGiven { get; }

    /// <summary>k.</summary>
    public int CategoryCount => Labels.Count;

    /// <summary>Total count.</summary>
    public int N { get; }

    /// <summary>The count in row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public int this[int row, int column] => _counts[row, column];

    /// <summary>Row total.</summary>
    public int RowTotal(int row) => Enumerable.Range(0, CategoryCount).Sum(j => _counts[row, j]);

    /// <summary>Column total.</summary>
    public int ColumnTotal(int column) => Enumerable.Range(0, CategoryCount).Sum(i => _counts[i, column]);

    /// <summary>Overall agreement (diagonal / N) with Clopper–Pearson and Wilson intervals.</summary>
    /// <exception cref="InsufficientDataException">The table is empty.</exception>
    public ProportionEstimate Accuracy(double confidenceLevel = 0.95)
    {
        if (N == 0) throw new InsufficientDataException("Confusion matrix", "the table is empty.");
        int d = 0;
        for (int i = 0; i < CategoryCount; i++) d += _counts[i, i];
        return ProportionEstimate.From(d, N, confidenceLevel);
    }

    /// <summary>Recall and precision of each class with both intervals.</summary>
    public IReadOnlyList<ClassMetrics> PerClass(double confidenceLevel = 0.95) =>
        Enumerable.Range(0, CategoryCount).Select(i =>
        {
            int row = RowTotal(i), col = ColumnTotal(i);
            return new ClassMetrics(Labels[i], row, col, ProportionEstimate.OrNull(_counts[i, i], row, confidenceLevel),
                ProportionEstimate.OrNull(_counts[i, i], col, confidenceLevel));
        }).ToList().AsReadOnly();

    /// <summary>The counts as a new array (rows × columns).</summary>
    public int[,] ToArray() => (int[,])_counts.Clone();

    /// <summary>A table from counts.</summary>
    /// <exception cref="ArgumentException">Not square, labels of the wrong number or repeated, or a negative count.</exception>
    public static ConfusionMatrix FromCounts(int[,] counts, IReadOnlyList<string> labels)
    {
        Guard.NotNull(counts);
        Guard.NotNull(labels);
        int k = counts.GetLength(0);
        if (counts.GetLength(1) != k) throw new ArgumentException($"The table is {k} × {counts.GetLength(1)}; it must be square.", nameof(counts));
        Guard.SameLength(k, labels.Count, nameof(counts), nameof(labels));
        if (labels.Distinct(StringComparer.Ordinal).Count() != k) throw new ArgumentException("Labels must be distinct.", nameof(labels));
        foreach (var c in counts) if (c < 0) throw new ArgumentException("Counts must not be negative.", nameof(counts));
        return new ConfusionMatrix((int[,])counts.Clone(), labels.ToList().AsReadOnly(), true);
    }

    /// <summary>
    /// Cross-tabulates paired classifications. Labels: <paramref name="levels"/> in the order given (they must include
    /// every value that occurs; listing an unused level adds an empty row and column, which changes weighted kappa's
    /// weights), or else the distinct values sorted by <see cref="Comparer{T}.Default"/> (numeric order for numbers,
    /// ordinal for text).
    /// </summary>
    /// <exception cref="ArgumentException">Null or mismatched input, a null value, or a value missing from <paramref name="levels"/>.</exception>
    public static ConfusionMatrix FromPairs<T>(IReadOnlyList<T> rows, IReadOnlyList<T> columns, IReadOnlyList<T>? levels = null) where T : notnull
    {
        Guard.NotNull(rows);
        Guard.NotNull(columns);
        Guard.SameLength(rows.Count, columns.Count, nameof(rows), nameof(columns));
        for (int i = 0; i < rows.Count; i++)
            if (rows[i] is null || columns[i] is null) throw new ArgumentException($"Pair {i} has a missing classification.", rows[i] is null ? nameof(rows) : nameof(columns));
        var order = levels?.ToList() ?? rows.Concat(columns).Distinct().Order(Comparer<T>.Default).ToList();
        if (order.Distinct().Count() != order.Count) throw new ArgumentException("Levels must be distinct.", nameof(levels));
        var index = new Dictionary<T, int>();
        for (int i = 0; i < order.Count; i++) index[order[i]] = i;
        var counts = new int[order.Count, order.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if (!index.TryGetValue(rows[i], out int r)) throw new ArgumentException($"rows[{i}] = '{rows[i]}' is not among the levels.", nameof(levels));
            if (!index.TryGetValue(columns[i], out int c)) throw new ArgumentException($"columns[{i}] = '{columns[i]}' is not among the levels.", nameof(levels));
            counts[r, c]++;
        }
        var labels = order.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList().AsReadOnly();
        return new ConfusionMatrix(counts, labels, levels is not null);
    }
}
