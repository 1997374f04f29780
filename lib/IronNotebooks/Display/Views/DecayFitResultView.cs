using IronNotebooks.Relaxometry;

namespace IronNotebooks.Display.Views;

internal sealed class DecayFitResultView : ResultView<DecayFitResult>
{
    public override DisplayDocument Describe(DecayFitResult f) =>
        new($"Decay fit: {f.Model}", [Table(f, "R2*", "T2*")], Notes(f));

    /// <summary>The fit's parameter table; <paramref name="rate"/>/<paramref name="time"/> name R2*/T2* or R2/T2.</summary>
    internal static DisplayTable Table(DecayFitResult f, string rate, string time)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { $"{rate} (s⁻¹)", Numbers.F(f.R2StarPerSecond, 1), Numbers.F(f.R2StarStandardErrorPerSecond, 1) },
            new[] { $"{time} (ms)", Numbers.F(f.T2StarMs, 2), f.R2StarStandardErrorPerSecond is { } se && f.R2StarPerSecond > 0
                ? Numbers.F(1000 * se / (f.R2StarPerSecond * f.R2StarPerSecond), 2) : Numbers.Missing },
            new[] { "S0 (signal units)", Numbers.G(f.S0), Numbers.G(f.S0StandardError) },
        };
        if (f.Offset is { } c) rows.Add(["offset C (signal units)", Numbers.G(c), Numbers.G(f.OffsetStandardError)]);
        if (f.SecondComponent is { } s)
        {
            rows.Add([$"slow {rate} (s⁻¹)", Numbers.F(s.R2StarPerSecond, 1), Numbers.F(s.R2StarStandardErrorPerSecond, 1)]);
            rows.Add(["slow S0 (signal units)", Numbers.G(s.S0), Numbers.Missing]);
        }
        rows.Add(["RMSE (signal units)", Numbers.G(f.Rmse), ""]);
        if (f.NoiseSigma is { } sigma) rows.Add(["noise σ given (signal units)", Numbers.G(sigma), ""]);
        rows.Add(["echoes used", Numbers.Int(f.EchoesUsed), ""]);
        rows.Add(["iterations", Numbers.Int(f.Iterations), ""]);
        rows.Add(["status", f.Status.ToString(), ""]);
        return new DisplayTable(null, ["parameter", "estimate", "SE"], rows);
    }

    internal static IReadOnlyList<string> Notes(DecayFitResult f)
    {
        var model = DecayModels.All.FirstOrDefault(m => m.Name == f.Model);
        var notes = new List<string>();
        if (model is not null) notes.Add($"Model: {model.Formula} ({model.Citation}).");
        notes.Add($"Exit: {f.ExitReason}. SE of T2* by the delta method, 1000·SE(R2*)/R2*².");
        if (!f.IsUsable) notes.Add($"Warning: status {f.Status}: the values are not to be used.");
        notes.AddRange(f.Warnings.Select(w => "Warning: " + w));
        return notes;
    }
}
