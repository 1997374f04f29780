using System.CommandLine;
using System.Globalization;
using IronNotebooks.Cohorts;
using IronNotebooks.Statistics;

namespace IronNotebooks.Cli;

/// <summary>
/// The `ironnb stats` verbs: read a CSV (<see cref="CsvTable"/>), call the statistics library, print text or JSON
/// (docs/architecture.md). Bad input (unknown column, non-numeric cell, one class only, …) becomes a
/// <see cref="BadInputException"/>: exit code 2 with the file, line and column named. Numbers that are undefined are
/// printed as JSON null, never NaN; the <c>warnings</c> array says why.
/// </summary>
public static class StatsCommands
{
    /// <summary>JSON of `stats roc`.</summary>
    public sealed record RocReport(string File, string ScoreColumn, string TruthColumn, string PositiveLabel, string Direction, string ThresholdRule,
        int N, int NPositive, int NNegative, int RowsDropped, double Auc, double? AucSe, double? AucCiLow, double? AucCiHigh, string? AucCiMethod,
        double? AucBootstrapCiLow, double? AucBootstrapCiHigh, double ConfidenceLevel,
        double? YoudenCutoff, double YoudenIndex, int YoudenTies, double Sensitivity, double? SensitivityCiLow, double? SensitivityCiHigh,
        double Specificity, double? SpecificityCiLow, double? SpecificityCiHigh, string ProportionCiMethod,
        double? CutoffPpv100, double? CutoffPpv100Sensitivity, double? CutoffPpv100Specificity,
        double? CutoffNpv100, double? CutoffNpv100Sensitivity, double? CutoffNpv100Specificity,
        int? UncertainBandCount, int? UncertainBandPositive, int? UncertainBandNegative, IReadOnlyList<string> Warnings);

    /// <summary>JSON of `stats roc-compare`.</summary>
    public sealed record RocCompareReport(string File, string ScoreColumn, string Score2Column, string TruthColumn, string PositiveLabel,
        string Direction, string Direction2, int N, int NPositive, int NNegative, int RowsDropped, string Method, double Auc1, double Auc2,
        double Difference, double? DifferenceCiLow, double? DifferenceCiHigh, double Se, double Correlation, double? Z, double P,
        IReadOnlyList<string> Warnings);

    /// <summary>JSON of `stats bland-altman`.</summary>
    public sealed record BlandAltmanReport(string File, string Differences, string Scale, int N, int RowsDropped, double Bias, double BiasCiLow,
        double BiasCiHigh, double SdDiff, double LoaLow, double LoaLowCiLow, double LoaLowCiHigh, double LoaHigh, double LoaHighCiLow,
        double LoaHighCiHigh, double LimitMultiplier, double ConfidenceLevel, string LimitCiMethod, double ProportionalBiasSlope,
        double? ProportionalBiasP, double? RatioBias, double? RatioLoaLow, double? RatioLoaHigh, IReadOnlyList<string> Warnings);

    /// <summary>JSON of `stats kappa`.</summary>
    public sealed record KappaReport(string File, string RaterA, string RaterB, string Weights, int N, int RowsDropped, IReadOnlyList<string> Categories,
        double Kappa, double Se, double CiLow, double CiHigh, double SeNull, double? Z, double P, double ObservedAgreement,
        double ExpectedAgreement, double ConfidenceLevel, IReadOnlyList<IReadOnlyList<int>> Table, IReadOnlyList<string> Warnings);

    /// <summary>Builds `stats roc`, `stats roc-compare`, `stats bland-altman` and `stats kappa`.</summary>
    public static Command Build(TextWriter output)
    {
        var stats = new Command("stats", "Validation statistics on a CSV table: ROC, AUC comparison, Bland–Altman, kappa.");
        stats.Subcommands.Add(RocCommand(output));
        stats.Subcommands.Add(RocCompareCommand(output));
        stats.Subcommands.Add(BlandAltmanCommand(output));
        stats.Subcommands.Add(KappaCommand(output));
        return stats;
    }

    private static Argument<FileInfo> CsvArgument() => new("CSV") { Description = "A comma-separated file with a header row (decimal point, UTF-8)." };
    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON (camelCase keys, numbers as numbers, null where undefined)." };
    private static Option<bool> DropMissingOption() => new("--drop-missing") { Description = "Drop rows with an empty/NA cell in the columns used (their count is reported) instead of failing." };
    private static Option<string> Column(string name, string description) => new(name) { Description = description, Required = true };

    private static Option<string> DirectionOption(string name) => new Option<string>(name)
    {
        Description = "higher (R2*, LIC: higher is positive) | lower (T2*, SIR: lower is positive) | auto (pROC's median rule; biased upward)",
        DefaultValueFactory = _ => "higher",
    }.AcceptOnlyFromAmong("higher", "lower", "auto");

    // ---- roc ------------------------------------------------------------------------------------------------------
    private static Command RocCommand(TextWriter output)
    {
        var csv = CsvArgument();
        var score = Column("--score", "Column of the continuous score.");
        var truth = Column("--truth", "Column of the reference standard.");
        var positive = new Option<string?>("--positive") { Description = "Truth value that means positive (default: 1 for 0/1, true for true/false)." };
        var direction = DirectionOption("--direction");
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Stratified bootstrap replicates for a percentile AUC interval (default 0: none).", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "Bootstrap seed (default 6001).", DefaultValueFactory = _ => 6001UL };
        var drop = DropMissingOption();
        var json = JsonOption();
        var cmd = new Command("roc", "Empirical ROC: AUC with DeLong interval, Youden cut-off, PPV = 100 % and NPV = 100 % cut-offs.")
            { csv, score, truth, positive, direction, level, bootstrap, seed, drop, json };
        cmd.SetAction(p => Guarded(() => Roc(p.GetValue(csv)!, p.GetValue(score)!, p.GetValue(truth)!, p.GetValue(positive), p.GetValue(direction)!,
            p.GetValue(level), p.GetValue(bootstrap), p.GetValue(seed), p.GetValue(drop), p.GetValue(json), output)));
        return cmd;
    }

    private static int Roc(FileInfo file, string scoreCol, string truthCol, string? positive, string direction, double level, int bootstrap, ulong seed,
        bool dropMissing, bool json, TextWriter output)
    {
        var (table, dropped) = Load(file, dropMissing, scoreCol, truthCol);
        var scores = table.GetNumbers(scoreCol);
        var (truth, label, notes) = Truth(table, truthCol, positive);
        var options = RocOptions.Default with { Direction = ParseDirection(direction), ConfidenceLevel = level, BootstrapReplicates = bootstrap, BootstrapSeed = seed };
        var roc = Statistics.Roc.Compute(scores, truth, options);
        var cut = CutoffSearch.Find(roc);
        var youden = cut.Youden.ToDiagnosticTable(level);
        bool higher = roc.Direction == RocDirection.HigherIsPositive;
        var report = new RocReport(file.FullName, scoreCol, truthCol, label, higher ? "higher" : "lower",
            higher ? "positive when score >= threshold" : "positive when score <= threshold",
            roc.N, roc.PositiveCount, roc.NegativeCount, dropped, roc.Auc, roc.AucStandardError, roc.AucCi?.Lower, roc.AucCi?.Upper, roc.AucCi?.Method,
            roc.AucBootstrapCi?.Lower, roc.AucBootstrapCi?.Upper, level,
            Finite(cut.Youden.Threshold), cut.Youden.YoudenIndex, cut.YoudenTies, youden.Sensitivity.Value, youden.Sensitivity.ClopperPearson.Lower,
            youden.Sensitivity.ClopperPearson.Upper, youden.Specificity.Value, youden.Specificity.ClopperPearson.Lower, youden.Specificity.ClopperPearson.Upper,
            "Clopper–Pearson exact",
            cut.RuleIn?.Threshold, cut.RuleIn?.Sensitivity, cut.RuleIn?.Specificity, cut.RuleOut?.Threshold, cut.RuleOut?.Sensitivity, cut.RuleOut?.Specificity,
            cut.Band?.Count, cut.Band?.PositiveCount, cut.Band?.NegativeCount,
            [.. notes, .. roc.Warnings, .. cut.Warnings, .. DroppedNote(dropped)]);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine($"{file.Name}: {scoreCol} against {truthCol} = {label}; {report.NPositive} positive, {report.NNegative} negative; {report.Direction} is positive ({report.ThresholdRule})");
        output.WriteLine($"AUC {G(report.Auc)}  {Pct(level)} CI {G(report.AucCiLow)}–{G(report.AucCiHigh)} (DeLong)" +
                         (report.AucBootstrapCiLow is null ? "" : $"; bootstrap {G(report.AucBootstrapCiLow)}–{G(report.AucBootstrapCiHigh)}"));
        output.WriteLine($"Youden cut-off {G(report.YoudenCutoff)}: sensitivity {G(report.Sensitivity)} ({G(report.SensitivityCiLow)}–{G(report.SensitivityCiHigh)}), specificity {G(report.Specificity)} ({G(report.SpecificityCiLow)}–{G(report.SpecificityCiHigh)})");
        output.WriteLine($"PPV 100 % (rule-in) cut-off {G(report.CutoffPpv100)}: sensitivity {G(report.CutoffPpv100Sensitivity)}");
        output.WriteLine($"NPV 100 % (rule-out) cut-off {G(report.CutoffNpv100)}: specificity {G(report.CutoffNpv100Specificity)}");
        if (report.UncertainBandCount is { } band) output.WriteLine($"between them: {band} subject(s) ({report.UncertainBandPositive} positive, {report.UncertainBandNegative} negative)");
        foreach (var w in report.Warnings) output.WriteLine($"note: {w}");
        return ExitCodes.Success;
    }

    // ---- roc-compare -----------------------------------------------------------------------------------------------
    private static Command RocCompareCommand(TextWriter output)
    {
        var csv = CsvArgument();
        var score = Column("--score", "Column of the first score.");
        var score2 = Column("--score2", "Column of the second score (same subjects).");
        var truth = Column("--truth", "Column of the reference standard.");
        var positive = new Option<string?>("--positive") { Description = "Truth value that means positive (default: 1 for 0/1, true for true/false)." };
        var direction = DirectionOption("--direction");
        var direction2 = DirectionOption("--direction2");
        var level = new Option<double>("--level") { Description = "Confidence level of the interval of the difference (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var drop = DropMissingOption();
        var json = JsonOption();
        var cmd = new Command("roc-compare", "Paired DeLong test of two AUCs measured on the same subjects.")
            { csv, score, score2, truth, positive, direction, direction2, level, drop, json };
        cmd.SetAction(p => Guarded(() => RocCompare(p.GetValue(csv)!, p.GetValue(score)!, p.GetValue(score2)!, p.GetValue(truth)!, p.GetValue(positive),
            p.GetValue(direction)!, p.GetValue(direction2)!, p.GetValue(level), p.GetValue(drop), p.GetValue(json), output)));
        return cmd;
    }

    private static int RocCompare(FileInfo file, string scoreCol, string score2Col, string truthCol, string? positive, string direction, string direction2,
        double level, bool dropMissing, bool json, TextWriter output)
    {
        if (direction == "auto" || direction2 == "auto")
            throw new BadInputException("roc-compare needs each score's direction fixed in advance: --direction and --direction2 take higher or lower.");
        var (table, dropped) = Load(file, dropMissing, scoreCol, score2Col, truthCol);
        var (truth, label, notes) = Truth(table, truthCol, positive);
        var c = RocComparison.Paired(table.GetNumbers(scoreCol), table.GetNumbers(score2Col), truth, ParseDirection(direction), ParseDirection(direction2), level);
        int n1 = truth.Count(t => t);
        var report = new RocCompareReport(file.FullName, scoreCol, score2Col, truthCol, label, direction, direction2, truth.Length, n1, truth.Length - n1, dropped,
            c.Method, c.Auc1, c.Auc2, c.Difference, Finite(c.DifferenceCi.Lower), Finite(c.DifferenceCi.Upper), c.StandardError, c.Correlation, Finite(c.Statistic), c.P,
            [.. notes, .. c.Warnings, .. DroppedNote(dropped)]);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine($"{file.Name}: {scoreCol} vs {score2Col} against {truthCol} = {label} ({report.NPositive} positive, {report.NNegative} negative)");
        output.WriteLine($"AUC {G(c.Auc1)} vs {G(c.Auc2)}: difference {G(c.Difference)} ({Pct(level)} CI {G(report.DifferenceCiLow)}–{G(report.DifferenceCiHigh)}), z = {G(report.Z)}, p = {G(c.P)} ({c.Method})");
        foreach (var w in report.Warnings) output.WriteLine($"note: {w}");
        return ExitCodes.Success;
    }

    // ---- bland-altman ----------------------------------------------------------------------------------------------
    private static Command BlandAltmanCommand(TextWriter output)
    {
        var csv = CsvArgument();
        var a = Column("--a", "Column of method a (the reference); differences are b − a.");
        var b = Column("--b", "Column of method b.");
        var log = new Option<bool>("--log") { Description = "Differences of natural logs (ln b − ln a); also prints the limits as ratios b/a." };
        var percent = new Option<bool>("--percent") { Description = "Differences as percent of the pair mean." };
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var drop = DropMissingOption();
        var json = JsonOption();
        var cmd = new Command("bland-altman", "Bias and 95 % limits of agreement (b − a) with their confidence intervals, and a proportional-bias check.")
            { csv, a, b, log, percent, level, drop, json };
        cmd.SetAction(p => Guarded(() => BlandAltmanVerb(p.GetValue(csv)!, p.GetValue(a)!, p.GetValue(b)!, p.GetValue(log), p.GetValue(percent), p.GetValue(level),
            p.GetValue(drop), p.GetValue(json), output)));
        return cmd;
    }

    private static int BlandAltmanVerb(FileInfo file, string aCol, string bCol, bool log, bool percent, double level, bool dropMissing, bool json, TextWriter output)
    {
        if (log && percent) throw new BadInputException("Give --log or --percent, not both.");
        var (table, dropped) = Load(file, dropMissing, aCol, bCol);
        var scale = log ? BlandAltmanScales.LogRatio : percent ? BlandAltmanScales.PercentOfMean : BlandAltmanScales.Difference;
        var r = BlandAltman.Compute(table.GetNumbers(aCol), table.GetNumbers(bCol), BlandAltmanOptions.Default with { Scale = scale, ConfidenceLevel = level });
        string differences = scale.Name switch
        {
            "log-ratio" => $"ln({bCol}) − ln({aCol})",
            "percent" => $"100·({bCol} − {aCol})/mean",
            _ => $"{bCol} − {aCol}",
        };
        var report = new BlandAltmanReport(file.FullName, differences, scale.Name, r.N, dropped, r.Bias, r.BiasCi.Lower, r.BiasCi.Upper, r.SdDifference,
            r.LowerLimit, r.LowerLimitCi.Lower, r.LowerLimitCi.Upper, r.UpperLimit, r.UpperLimitCi.Lower, r.UpperLimitCi.Upper, r.LimitMultiplier, level,
            r.LowerLimitCi.Method, r.ProportionalBias.Slope, r.ProportionalBias.SlopeP, r.Ratios?.Bias, r.Ratios?.LowerLimit, r.Ratios?.UpperLimit,
            [.. r.Warnings, .. DroppedNote(dropped)]);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine($"{file.Name}: {differences}, n = {r.N} ({scale.Name} scale)");
        output.WriteLine($"bias {G(r.Bias)} ({Pct(level)} CI {G(r.BiasCi.Lower)}–{G(r.BiasCi.Upper)}), SD {G(r.SdDifference)}");
        output.WriteLine($"limits of agreement {G(r.LowerLimit)} ({G(r.LowerLimitCi.Lower)}–{G(r.LowerLimitCi.Upper)}) to {G(r.UpperLimit)} ({G(r.UpperLimitCi.Lower)}–{G(r.UpperLimitCi.Upper)})");
        if (r.Ratios is { } q) output.WriteLine($"as ratios b/a: bias {G(q.Bias)}, limits {G(q.LowerLimit)} to {G(q.UpperLimit)}");
        output.WriteLine($"proportional bias: slope {G(r.ProportionalBias.Slope)} per unit of the mean, p = {G(r.ProportionalBias.SlopeP)}");
        foreach (var w in report.Warnings) output.WriteLine($"note: {w}");
        return ExitCodes.Success;
    }

    // ---- kappa -----------------------------------------------------------------------------------------------------
    private static Command KappaCommand(TextWriter output)
    {
        var csv = CsvArgument();
        var a = Column("--a", "Column of rater a's categories.");
        var b = Column("--b", "Column of rater b's categories.");
        var weights = new Option<string>("--weights")
        {
            Description = "none | linear | quadratic agreement weights (default none).",
            DefaultValueFactory = _ => "none",
        }.AcceptOnlyFromAmong([.. KappaWeightings.All.Select(w => w.Name)]);
        var levels = new Option<string?>("--levels") { Description = "Category order for weighted kappa, comma-separated (default: numeric order when every label is a number, else alphabetical)." };
        var level = new Option<double>("--level") { Description = "Confidence level (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var drop = DropMissingOption();
        var json = JsonOption();
        var cmd = new Command("kappa", "Cohen's kappa (unweighted, linear or quadratic) with SE, interval and test of κ = 0.") { csv, a, b, weights, levels, level, drop, json };
        cmd.SetAction(p => Guarded(() => Kappa(p.GetValue(csv)!, p.GetValue(a)!, p.GetValue(b)!, p.GetValue(weights)!, p.GetValue(levels), p.GetValue(level),
            p.GetValue(drop), p.GetValue(json), output)));
        return cmd;
    }

    private static int Kappa(FileInfo file, string aCol, string bCol, string weights, string? levels, double level, bool dropMissing, bool json, TextWriter output)
    {
        var (table, dropped) = Load(file, dropMissing, aCol, bCol);
        var a = table.GetStrings(aCol);
        var b = table.GetStrings(bCol);
        ConfusionMatrix matrix;
        if (levels is not null)
            matrix = ConfusionMatrix.FromPairs(a, b, levels.Split(',').Select(s => s.Trim()).ToList());
        else if (a.Concat(b).All(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            matrix = ConfusionMatrix.FromPairs(Numbers(a), Numbers(b));   // "1" and "1.0" are one category, in numeric order
        else
            matrix = ConfusionMatrix.FromPairs(a, b);
        var k = CohenKappa.Compute(matrix, KappaOptions.Default with { Weighting = KappaWeightings.Get(weights), ConfidenceLevel = level });
        var cells = Enumerable.Range(0, matrix.CategoryCount)
            .Select(i => (IReadOnlyList<int>)Enumerable.Range(0, matrix.CategoryCount).Select(j => matrix[i, j]).ToList()).ToList();
        var report = new KappaReport(file.FullName, aCol, bCol, k.Weighting, k.N, dropped, matrix.Labels, k.Kappa, k.StandardError, k.Ci.Lower, k.Ci.Upper,
            k.StandardErrorUnderNull, Finite(k.Z), k.P, k.ObservedAgreement, k.ExpectedAgreement, level, cells, [.. k.Warnings, .. DroppedNote(dropped)]);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine($"{file.Name}: {aCol} (rows) vs {bCol} (columns), n = {k.N}, categories {string.Join(" < ", matrix.Labels)}");
        output.WriteLine($"{k.Weighting} kappa {G(k.Kappa)} (SE {G(k.StandardError)}, {Pct(level)} CI {G(k.Ci.Lower)}–{G(k.Ci.Upper)}); κ = 0: z = {G(report.Z)}, p = {G(k.P)}");
        output.WriteLine($"observed agreement {G(k.ObservedAgreement)}, expected {G(k.ExpectedAgreement)}");
        foreach (var w in report.Warnings) output.WriteLine($"note: {w}");
        return ExitCodes.Success;

        static double[] Numbers(IReadOnlyList<string> s) => s.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
    }

    // ---- shared ----------------------------------------------------------------------------------------------------

    // The library reports caller and data problems as these exceptions; on the command line they are bad input (exit 2).
    private static int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is CsvFormatException or InsufficientDataException or ArgumentException)
        {
            throw new BadInputException(e.Message);
        }
    }

    private static (CsvTable Table, int Dropped) Load(FileInfo file, bool dropMissing, params string[] columns)
    {
        if (!file.Exists) throw new FileNotFoundException($"File '{file.FullName}' does not exist.", file.FullName);
        var table = CsvTable.Read(file.FullName);
        if (!dropMissing) return (table, 0);
        var missing = table.RowsWithMissing(columns);
        return (table.WithoutRows(missing), missing.Count);
    }

    private static IEnumerable<string> DroppedNote(int dropped) =>
        dropped == 0 ? [] : [$"{dropped} row(s) with missing values were dropped (--drop-missing); report this with the results."];

    private static (bool[] Truth, string Label, IReadOnlyList<string> Notes) Truth(CsvTable table, string column, string? positive)
    {
        var cells = table.GetStrings(column);
        for (int i = 0; i < cells.Count; i++)
            if (CsvTable.IsMissing(cells[i]))
                throw new CsvFormatException(table.Source, table.LineOf(i), column, "missing reference value; fill it or use --drop-missing.");
        var distinct = cells.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var notes = new List<string>();
        var comparison = StringComparison.Ordinal;
        string label;
        if (positive is not null)
        {
            label = positive.Trim();
            if (!distinct.Contains(label))
                throw new BadInputException($"--positive '{label}' does not occur in column '{column}' (values: {string.Join(", ", distinct.Take(20))}).");
            if (distinct.Count > 2) notes.Add($"Negative class pools {string.Join(", ", distinct.Where(d => d != label))} (positive: {label}).");
        }
        else if (distinct.All(d => d is "0" or "1"))
            label = "1";
        else if (distinct.All(d => d.Equals("true", StringComparison.OrdinalIgnoreCase) || d.Equals("false", StringComparison.OrdinalIgnoreCase)))
            (label, comparison) = ("true", StringComparison.OrdinalIgnoreCase);
        else
            throw new BadInputException($"Column '{column}' has values {string.Join(", ", distinct.Take(20))}; say which one is positive with --positive VALUE.");
        return (cells.Select(c => c.Equals(label, comparison)).ToArray(), label, notes);
    }

    private static RocDirection ParseDirection(string s) => s switch
    {
        "higher" => RocDirection.HigherIsPositive,
        "lower" => RocDirection.LowerIsPositive,
        "auto" => RocDirection.Auto,
        _ => throw new BadInputException($"Unknown direction '{s}': higher, lower or auto."),
    };

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
    private static string G(double? x) => x is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "–";
    private static string Pct(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
