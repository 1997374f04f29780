using System.Globalization;

namespace IronNotebooks.SignalRatio;

/// <summary>Checks a list of ratios against a protocol's sequences (unknown, repeated and missing sequences are errors naming them).</summary>
internal static class SirRatioInput
{
    /// <summary>Ratios by protocol label (the protocol's spelling), every label in <paramref name="required"/> present.</summary>
    public static Dictionary<string, LiverMuscleRatio> Require(SirProtocol protocol, IReadOnlyList<LiverMuscleRatio> ratios, IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var byLabel = new Dictionary<string, LiverMuscleRatio>(StringComparer.Ordinal);
        foreach (var r in ratios)
        {
            var step = protocol.Step(r.Sequence);   // unknown label: SignalRatioException naming it and listing the protocol's
            if (byLabel.ContainsKey(step.Label))
                throw new SignalRatioException($"given twice for protocol {protocol.Name}; give one L/M per sequence.", step.Label);
            byLabel[step.Label] = r with { Sequence = step.Label };
        }
        var missing = required.Where(l => !byLabel.ContainsKey(l)).ToList();
        if (missing.Count > 0)
            throw new SignalRatioException(string.Create(CultureInfo.InvariantCulture,
                $"{protocol.Name} needs L/M on {string.Join(", ", required)}; missing: {string.Join(", ", missing)} ({string.Join("; ", missing.Select(l => Describe(protocol, l)))})."),
                missing[0]);
        return byLabel;
    }

    /// <summary>"T2 = 120/14/20°".</summary>
    public static string Describe(SirProtocol protocol, string label)
    {
        var s = protocol.Step(label);
        return string.Create(CultureInfo.InvariantCulture, $"{s.Label} = {s.RepetitionTimeMs}/{s.EchoTimeMs}/{s.FlipAngleDeg}°");
    }
}
