namespace IronNotebooks.Plotting;

/// <summary>A grey-level window: values at or below <see cref="Low"/> are black, at or above <see cref="High"/> white.</summary>
/// <param name="Low">Black level, in pixel units.</param>
/// <param name="High">White level.</param>
public sealed record DisplayWindow(double Low, double High)
{
    /// <summary>The 1st to 99th percentile of the finite pixel values: robust to a few hot pixels.</summary>
    public static DisplayWindow Percentiles(ReadOnlySpan<float> pixels, double lowPercent = 1, double highPercent = 99)
    {
        var values = new List<float>(pixels.Length);
        foreach (var v in pixels) if (float.IsFinite(v)) values.Add(v);
        if (values.Count == 0) return new DisplayWindow(0, 1);
        values.Sort();
        double lo = values[(int)Math.Floor((values.Count - 1) * lowPercent / 100)];
        double hi = values[(int)Math.Ceiling((values.Count - 1) * highPercent / 100)];
        return hi > lo ? new DisplayWindow(lo, hi) : new DisplayWindow(lo, lo + 1);
    }

    /// <summary>The grey level 0–255 of a value.</summary>
    public byte Grey(double value) => !double.IsFinite(value) ? (byte)0 : (byte)Math.Clamp(Math.Round((value - Low) / (High - Low) * 255), 0, 255);
}
