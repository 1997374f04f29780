using System.Globalization;
using IronNotebooks.Testing;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// `proposal-eval N [SEED] [MATRIX|drawn] [OUT.csv]`: N seeded `--anatomy random` exams (fields 0.5/1/1.5/3 T in turn, LIC
/// log-uniform 10–500 µmol/g, SNR 50), proposal + Rician fit + interval, compared with the simulator's truth and tissue map.
/// Prints the accuracy table, liver-absent handling, discs outside the liver, coverage by LIC band and field, and failures.
/// Runs on one thread (the machine is shared).
/// </summary>
public static class ProposalEvaluationCommand
{
    public static int Run(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        ulong seed = args.Length > 1 ? ulong.Parse(args[1], CultureInfo.InvariantCulture) : 2026;
        int? matrix = args.Length > 2 && args[2] != "drawn" ? int.Parse(args[2], CultureInfo.InvariantCulture) : null;
        string? csv = args.Length > 3 ? args[3] : null;
        string work = Path.Combine(Path.GetTempPath(), "ironnb-proposal-eval-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var rows = new List<ProposalEvaluationRow>();
        var failures = new List<string>();
        var started = DateTime.UtcNow;
        for (int i = 1; i <= n; i++)
        {
            try { rows.Add(ProposalEvaluation.RunOne(seed, i, matrix, work)); }
            catch (Exception e) { failures.Add($"EVAL-{i:D4}: {e.GetType().Name}: {e.Message}"); }
            if (i % 50 == 0) Console.Error.WriteLine($"{i}/{n} ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
        }
        Directory.Delete(work, recursive: true);
        Print(rows, failures, seed, matrix);
        if (csv is not null)
        {
            using var w = new StreamWriter(csv);
            w.WriteLine("id,fieldT,matrix,trueLicUmolPerGram,trueR2StarPerSecond,liverPresent,liverFound,discs,discsOutsideLiver,discsTouchingNonLiver,r2StarPerSecond,licUmolPerGram,outcome,rateLow,rateHigh,fitSd,spatialSd,covered");
            foreach (var r in rows)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id},{r.FieldT},{r.Matrix},{r.TrueLicUmolPerGram:0.###},{r.TrueR2StarPerSecond:0.###},{r.LiverPresent},{r.LiverFound},{r.Discs},{r.DiscsOutsideLiver},{r.DiscsTouchingNonLiver},{r.R2StarPerSecond:0.###},{r.LicUmolPerGram:0.###},{r.Outcome},{r.RateLowPerSecond:0.###},{r.RateHighPerSecond:0.###},{r.FitSdPerSecond:0.####},{r.SpatialSdPerSecond:0.####},{r.Covered}"));
        }
        return 0;
    }

    private static void Print(List<ProposalEvaluationRow> rows, List<string> failures, ulong seed, int? matrix)
    {
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine(F($"seed {seed}, matrix {(matrix?.ToString(CultureInfo.InvariantCulture) ?? "drawn 128–256")}, {rows.Count} exams evaluated, {failures.Count} failed to run"));
        var absent = rows.Where(r => !r.LiverPresent).ToList();
        Console.WriteLine(F($"liver absent: {absent.Count} exams, {absent.Count(r => !r.LiverFound)} said 'not found'"));
        var present = rows.Where(r => r.LiverPresent).ToList();
        int discs = present.Sum(r => r.Discs), outside = rows.Sum(r => r.DiscsOutsideLiver), touching = rows.Sum(r => r.DiscsTouchingNonLiver);
        Console.WriteLine(F($"liver present: {present.Count} exams, {present.Count(r => r.LiverFound)} found; {discs} discs, {outside} outside the liver ({100.0 * outside / Math.Max(1, discs):0.00} %), {touching} touching any non-liver pixel"));
        Console.WriteLine(F($"paraspinal muscle discs: {rows.Sum(r => r.MuscleDiscs)} placed on {rows.Count} exams ({2 * rows.Count} possible), {rows.Sum(r => r.MuscleDiscsOnMuscle)} centred on muscle (tissue map)"));
        var misplaced = rows.SelectMany(r => r.MuscleDiscsMisplacedOn.Split(' ', StringSplitOptions.RemoveEmptyEntries)).GroupBy(t => t).Select(t => $"{t.Key} {t.Count()}");
        Console.WriteLine("muscle discs not on muscle, by tissue: " + string.Join(", ", misplaced));
        var measured = present.Where(r => r.Outcome == "Estimated" && double.IsFinite(r.LicUmolPerGram)).ToList();
        var beyond = present.Where(r => r.Outcome == "BeyondMeasurableRange").ToList();
        Console.WriteLine(F($"LIC estimated: {measured.Count}; beyond measurable range (T2* < first echo 0.99 ms, no number by design): {beyond.Count} (true LIC {(beyond.Count > 0 ? beyond.Min(r => r.TrueLicUmolPerGram) : 0):0}–{(beyond.Count > 0 ? beyond.Max(r => r.TrueLicUmolPerGram) : 0):0} µmol/g)"));
        Console.WriteLine();
        Console.WriteLine("| field T | LIC band µmol/g | n | median abs LIC error % | P95 abs LIC error % | coverage % (95 % CI nominal) | median fit SD s⁻¹ | median spatial SD s⁻¹ |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var bands = new (double Lo, double Hi)[] { (10, 36), (36, 80), (80, 200), (200, 500) };
        foreach (var f in ProposalEvaluation.Fields.Select(x => (double?)x).Append(null))
            foreach (var b in bands.Select(x => ((double, double)?)x).Append(null))
            {
                var set = measured.Where(r => (f is null || r.FieldT == f) && (b is null || (r.TrueLicUmolPerGram >= b.Value.Item1 && r.TrueLicUmolPerGram < b.Value.Item2))).ToList();
                if (set.Count == 0) continue;
                if (f is not null && b is null) continue;
                string band = b is null ? "all" : F($"{b.Value.Item1:0}–{b.Value.Item2:0}");
                Console.WriteLine(F($"| {(f is null ? "all" : f.Value.ToString("0.0#", CultureInfo.InvariantCulture))} | {band} | {set.Count} | {100 * ProposalEvaluation.Percentile(set.Select(r => Math.Abs(r.LicRelativeError)), 0.5):0.00} | {100 * ProposalEvaluation.Percentile(set.Select(r => Math.Abs(r.LicRelativeError)), 0.95):0.00} | {100.0 * set.Count(r => r.Covered) / set.Count:0.0} | {ProposalEvaluation.Percentile(set.Select(r => r.FitSdPerSecond), 0.5):0.###} | {ProposalEvaluation.Percentile(set.Select(r => r.SpatialSdPerSecond), 0.5):0.###} |"));
            }
        foreach (var f in ProposalEvaluation.Fields)
        {
            var set = measured.Where(r => r.FieldT == f).ToList();
            if (set.Count > 0) Console.WriteLine(F($"| {f:0.0#} | all | {set.Count} | {100 * ProposalEvaluation.Percentile(set.Select(r => Math.Abs(r.LicRelativeError)), 0.5):0.00} | {100 * ProposalEvaluation.Percentile(set.Select(r => Math.Abs(r.LicRelativeError)), 0.95):0.00} | {100.0 * set.Count(r => r.Covered) / set.Count:0.0} | {ProposalEvaluation.Percentile(set.Select(r => r.FitSdPerSecond), 0.5):0.###} | {ProposalEvaluation.Percentile(set.Select(r => r.SpatialSdPerSecond), 0.5):0.###} |"));
        }
        Console.WriteLine();
        foreach (var r in present.Where(r => !r.LiverFound)) Console.WriteLine($"MISSED {r.Id} ({r.FieldT} T, LIC {r.TrueLicUmolPerGram:0}): {r.NotFoundReason}");
        foreach (var r in absent.Where(r => r.LiverFound)) Console.WriteLine($"FALSE LIVER {r.Id}: {r.Discs} discs on a slice without liver ({r.LiverReason})");
        foreach (var r in present.Where(r => r.LiverFound).OrderBy(r => r.LiverReason?.Length).Take(3)) Console.WriteLine($"found {r.Id}: {r.LiverReason}");
        foreach (var r in rows.Where(r => r.DiscsOutsideLiver > 0)) Console.WriteLine($"OUTSIDE {r.Id}: {r.DiscsOutsideLiver} of {r.Discs} discs");
        foreach (var r in measured.Where(r => Math.Abs(r.LicRelativeError) > 0.10)) Console.WriteLine(F($"LARGE ERROR {r.Id} ({r.FieldT} T, matrix {r.Matrix}): LIC {r.LicUmolPerGram:0.#} vs {r.TrueLicUmolPerGram:0.#} µmol/g ({100 * r.LicRelativeError:+0.0;-0.0} %)"));
        foreach (var f in failures) Console.WriteLine("FAILED " + f);
    }
}
