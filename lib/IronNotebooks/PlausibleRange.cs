using System.Globalization;

namespace IronNotebooks;

/// <summary>
/// The bounds outside which an input cannot be a liver MRI measurement, checked before any number is computed so that
/// an impossible input becomes a precise error rather than a result (a rate of −5 s⁻¹ is not 0.075 mg/g). Each bound is
/// wider than anything physiological or any scanner gives, so a real measurement never trips it:
/// <list type="bullet">
/// <item>R2* / R2: 0–3,000 s⁻¹ (T2* ≥ 0.33 ms; the most overloaded livers reported reach ≈ 2,000 s⁻¹ at 3 T, docs/methods.md §3).</item>
/// <item>Field strength: 0.2–7 T (clinical and research whole-body MRI).</item>
/// <item>Echo time: 0.05–1,000 ms (an echo time below 0.05 ms or above 1 s is a value in the wrong unit).</item>
/// </list>
/// Violations throw <see cref="IronNotebooksException"/> with <see cref="ErrorContext.Argument"/> set to the parameter
/// name, which the command line replaces by its option name.
/// </summary>
public static class PlausibleRange
{
    /// <summary>Highest accepted relaxation rate, s⁻¹.</summary>
    public const double MaxRatePerSecond = 3000;

    /// <summary>Lowest accepted field strength, tesla.</summary>
    public const double MinFieldStrengthT = 0.2;

    /// <summary>Highest accepted field strength, tesla.</summary>
    public const double MaxFieldStrengthT = 7;

    /// <summary>Shortest accepted echo time, ms.</summary>
    public const double MinEchoTimeMs = 0.05;

    /// <summary>Longest accepted echo time, ms.</summary>
    public const double MaxEchoTimeMs = 1000;

    /// <summary>Checks a relaxation rate (R2* or R2, s⁻¹): finite and within 0–3,000 s⁻¹.</summary>
    /// <exception cref="IronNotebooksException">Outside the bound; the message gives the value and the bound.</exception>
    public static double RatePerSecond(double value, string argument) =>
        double.IsFinite(value) && value >= 0 && value <= MaxRatePerSecond ? value
            : throw Fail(argument, $"{F(value)} s⁻¹ is not a relaxation rate a liver can have: accepted 0–{F(MaxRatePerSecond)} s⁻¹ (T2* ≥ {F(1000 / MaxRatePerSecond)} ms). Check the value and its unit (s⁻¹, not ms).");

    /// <summary>Checks a main field strength: finite and within 0.2–7 T.</summary>
    /// <exception cref="IronNotebooksException">Outside the bound.</exception>
    public static double FieldStrengthT(double value, string argument) =>
        double.IsFinite(value) && value >= MinFieldStrengthT && value <= MaxFieldStrengthT ? value
            : throw Fail(argument, $"{F(value)} T is not a whole-body MRI field strength: accepted {F(MinFieldStrengthT)}–{F(MaxFieldStrengthT)} T.");

    /// <summary>Checks an echo train: every time finite, within 0.05–1,000 ms, and strictly increasing.</summary>
    /// <exception cref="IronNotebooksException">A value outside the bound (with the unit it probably is in) or an order problem; the message names the echo (1-based).</exception>
    public static void EchoTimesMs(IReadOnlyList<double> echoTimesMs, string argument)
    {
        ArgumentNullException.ThrowIfNull(echoTimesMs);
        for (int i = 0; i < echoTimesMs.Count; i++)
        {
            double te = echoTimesMs[i];
            if (!double.IsFinite(te) || te < MinEchoTimeMs || te > MaxEchoTimeMs)
                throw Fail(argument, $"echo {i + 1} has TE {F(te)} ms, outside the plausible {F(MinEchoTimeMs)}–{F(MaxEchoTimeMs)} ms"
                    + (te > 0 && te < MinEchoTimeMs ? " (a value in seconds? echo times are in ms)" : te > MaxEchoTimeMs ? " (a value in µs, or ms where seconds were expected?)" : "") + ".");
            if (i > 0 && !(te > echoTimesMs[i - 1]))
                throw Fail(argument, te == echoTimesMs[i - 1]
                    ? $"echoes {i} and {i + 1} both have TE {F(te)} ms; average or drop repeated echoes."
                    : $"echo times must increase: echo {i} has TE {F(echoTimesMs[i - 1])} ms and echo {i + 1} has {F(te)} ms.");
        }
    }

    private static IronNotebooksException Fail(string argument, string reason) => new(reason, new ErrorContext { Argument = argument });

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
