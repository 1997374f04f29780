using System.Globalization;

namespace IronNotebooks.Relaxometry;

/// <summary>
/// The "beyond measurable range" rule (docs/methods.md §3, seed: Meloni): when severe overload shortens T2* below the shortest
/// echo, or leaves fewer than <see cref="EchoesAboveNoiseNeeded"/> echoes above the noise, the echo train cannot measure
/// the decay and a workflow must say so instead of returning a number. It matters most at 3 T, where R2* roughly doubles,
/// but the rule is applied at every field.
/// </summary>
public static class MeasurableRange
{
    /// <summary>Echoes at or above k·σ needed for an R2* (three: two define a rate, the third checks the model).</summary>
    public const int EchoesAboveNoiseNeeded = 3;

    /// <summary>Why a rate is beyond the measurable range of its echo train, or null when it is not.</summary>
    /// <param name="r2StarPerSecond">The fitted rate, s⁻¹ (NaN or ≤ 0 is not judged by the T2* test; +∞ means the fit ran
    /// off to an infinite rate, i.e. T2* → 0).</param>
    /// <param name="firstEchoTimeMs">The shortest echo time, ms, or null when unknown.</param>
    /// <param name="echoesAboveNoise">Echoes whose signal is ≥ k·σ, or null when no σ is known.</param>
    /// <param name="echoCount">Echoes in the train (for the message).</param>
    /// <param name="fieldT">Field strength, tesla, or null when unknown (for the message).</param>
    public static string? Check(double r2StarPerSecond, double? firstEchoTimeMs, int? echoesAboveNoise, int? echoCount, double? fieldT)
    {
        string At() => fieldT is double f ? string.Create(CultureInfo.InvariantCulture, $" at {f:0.##} T") : "";
        if (double.IsPositiveInfinity(r2StarPerSecond))
            return $"Beyond measurable range{At()}: the fit runs off to an infinite R2* (the decay is over before the second echo; later echoes are noise), so no R2* or LIC is reported. Use a first echo ≤ 1–2 ms or an R2 (spin-echo) method.";
        if (firstEchoTimeMs is double te && r2StarPerSecond > 0 && 1000.0 / r2StarPerSecond < te)
            return string.Create(CultureInfo.InvariantCulture,
                $"Beyond measurable range{At()}: T2* = {1000.0 / r2StarPerSecond:G3} ms is shorter than the first echo ({te:G4} ms); severe overload shortens T2* below the shortest echo, so no R2* or LIC is reported. Use a first echo ≤ 1–2 ms or an R2 (spin-echo) method.");
        if (echoesAboveNoise is int above && above < EchoesAboveNoiseNeeded)
            return string.Create(CultureInfo.InvariantCulture,
                $"Beyond measurable range{At()}: only {above}{(echoCount is int n ? $" of {n}" : "")} echoes are above the noise ({EchoesAboveNoiseNeeded} needed); the decay is over before the echo train can measure it, so no R2* or LIC is reported. Use a first echo ≤ 1–2 ms or an R2 (spin-echo) method.");
        return null;
    }
}
