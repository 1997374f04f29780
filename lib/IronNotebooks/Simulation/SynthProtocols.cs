using System.Globalization;
using IronNotebooks.Imaging;

namespace IronNotebooks.Simulation;

/// <summary>
/// The series each <see cref="SynthProtocol"/> writes at a field strength. SIR sequences come from
/// <see cref="SequenceProtocols"/> (never re-typed here); the relaxometry echo trains are named below with their source.
/// </summary>
public static class SynthProtocols
{
    /// <summary>Field strengths the simulator supports, tesla.</summary>
    public static IReadOnlyList<double> FieldStrengthsT { get; } = [0.35, 0.5, 1.0, 1.5, 3.0];

    /// <summary>
    /// Multi-echo GRE: 12 echoes from 0.99 ms every 1.41 ms, TR 200 ms, flip 20° (Henninger et al. 2015, the liver
    /// protocol of docs/methods.md §4), used at every field.
    /// </summary>
    public static SimulatedAcquisition MultiEchoGre { get; } = new("MGRE", AcquisitionKind.SpoiledGradientEcho, 200,
        [.. Enumerable.Range(0, 12).Select(i => Math.Round(0.99 + 1.41 * i, 2))], 20,
        "12 echoes 0.99 ms + 1.41 ms steps, TR 200 ms, 20° (Henninger et al., RöFo 2015; docs/methods.md §4)");

    /// <summary>
    /// Multi-echo spin echo: TE 6, 9, 12, 15, 18 ms, TR 1000 ms. Assumed teaching protocol modelled on the short-TE
    /// spin-echo R2 acquisitions of the St Pierre method; not a verified or vendor protocol.
    /// </summary>
    public static SimulatedAcquisition MultiEchoSe { get; } = new("MSE", AcquisitionKind.SpinEcho, 1000, [6, 9, 12, 15, 18], 90,
        "assumed: 5 spin echoes 6–18 ms, TR 1000 ms (modelled on short-TE R2 acquisitions; not verified)");

    /// <summary>
    /// Chemical-shift-encoded GRE of issue 18: 6 echoes, TE1 1.2 ms / ΔTE 1.0 ms at 1.5 T and 0.7 / 0.8 ms at 3 T
    /// (<see cref="ChemicalShiftSimulation.EchoTimesMs"/>), TR 9 ms, flip 3° (a low flip keeps the T1 weighting of water
    /// and fat close, as confounder-corrected PDFF protocols do; the residual bias is in the truth). Assumed teaching
    /// protocol, not a vendor one.
    /// </summary>
    /// <exception cref="ArgumentException">A field other than 1.5 or 3 T.</exception>
    public static SimulatedAcquisition ChemicalShiftGre(double fieldT)
    {
        if (!(Math.Abs(fieldT - 1.5) < 0.05 || Math.Abs(fieldT - 3.0) < 0.05))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No chemical-shift protocol at {fieldT} T; it exists at 1.5 and 3 T."), nameof(fieldT));
        return new SimulatedAcquisition("CSE", AcquisitionKind.ChemicalShiftGradientEcho, ChemicalShiftRepetitionTimeMs, ChemicalShiftSimulation.EchoTimesMs(fieldT),
            ChemicalShiftFlipAngleDeg, "assumed: chemical-shift-encoded GRE, 6 echoes (issue 18 protocol), TR 9 ms, flip 3°, multi-peak fat (docs/methods.md §6); not a vendor protocol");
    }

    /// <summary>TR of the chemical-shift series, ms.</summary>
    public const double ChemicalShiftRepetitionTimeMs = 9;

    /// <summary>Flip angle of the chemical-shift series, degrees.</summary>
    public const double ChemicalShiftFlipAngleDeg = 3;

    /// <summary>The series of <paramref name="protocol"/> at <paramref name="fieldT"/>.</summary>
    /// <exception cref="ArgumentException">The protocol does not exist at that field (Rennes has no 0.35 T table; the
    /// two-sequence and Lille protocols are 1.5 T only); the message lists the fields that do.</exception>
    public static IReadOnlyList<SimulatedAcquisition> For(SynthProtocol protocol, double fieldT)
    {
        CheckField(fieldT);
        return protocol switch
        {
            SynthProtocol.Rennes => FromRegistry(Find("rennes-", fieldT)),
            SynthProtocol.Lille => LilleExam(fieldT),
            SynthProtocol.TwoSequence => FromRegistry(Find("two-sequence-", fieldT)),
            SynthProtocol.MultiEchoGre => [MultiEchoGre],
            SynthProtocol.MultiEchoSe => [MultiEchoSe],
            SynthProtocol.Phantom => [MultiEchoGre, MultiEchoSe],
            SynthProtocol.ChemicalShift => [ChemicalShiftGre(fieldT)],
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown protocol."),
        };
    }

    /// <summary>True when <paramref name="protocol"/> can be simulated at <paramref name="fieldT"/>.</summary>
    public static bool IsAvailable(SynthProtocol protocol, double fieldT)
    {
        try
        {
            For(protocol, fieldT);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Rejects a field strength the simulator does not model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of <see cref="FieldStrengthsT"/>.</exception>
    public static void CheckField(double fieldT)
    {
        if (!FieldStrengthsT.Any(f => Math.Abs(f - fieldT) < 1e-6))
            throw new ArgumentOutOfRangeException(nameof(fieldT), fieldT,
                $"Field strength must be one of {string.Join(", ", FieldStrengthsT.Select(f => f.ToString(CultureInfo.InvariantCulture)))} T.");
    }

    private static SequenceProtocol Find(string prefix, double fieldT)
    {
        var candidates = SequenceProtocols.All.Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return candidates.FirstOrDefault(p => Math.Abs(p.FieldStrengthT - fieldT) < 0.05)
            ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"No {prefix.TrimEnd('-')} protocol at {fieldT} T; the registry has it at {string.Join(", ", candidates.Select(p => p.FieldStrengthT + " T"))}."),
                nameof(fieldT));
    }

    /// <summary>The Lille add-on is a sixth sequence after the Rennes five: the exam holds both (the add-on is checked first for its field).</summary>
    private static IReadOnlyList<SimulatedAcquisition> LilleExam(double fieldT)
    {
        var addon = FromRegistry(Find("lille-addon-", fieldT));
        return [.. FromRegistry(Find("rennes-", fieldT)), .. addon];
    }

    private static IReadOnlyList<SimulatedAcquisition> FromRegistry(SequenceProtocol p) =>
        [.. p.Steps.Select(s => new SimulatedAcquisition(s.Label, AcquisitionKind.SpoiledGradientEcho, s.RepetitionTimeMs, [s.EchoTimeMs], s.FlipAngleDeg,
            $"{p.Name}: {p.Citation} {p.Status}"))];
}
