namespace IronNotebooks.Relaxometry;

/// <summary>A pixel-wise R2* map of a multi-echo series.</summary>
/// <param name="Model">The decay model's name.</param>
/// <param name="EchoTimesMs">Echo times used, ms.</param>
/// <param name="Slices">One map per slice, in slice order.</param>
/// <param name="FittedPixels">Pixels with a usable fit.</param>
/// <param name="MaskedPixels">Pixels skipped by the mask threshold.</param>
/// <param name="FailedPixels">Pixels that were fitted but gave no usable value (not converged, too few echoes, failed),
/// excluding those beyond the measurable range.</param>
/// <param name="Source">The series description.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record R2StarMapResult(string Model, IReadOnlyList<double> EchoTimesMs, IReadOnlyList<R2StarMapSlice> Slices,
    long FittedPixels, long MaskedPixels, long FailedPixels, string Source)
{
    /// <summary>Pixels whose decay is beyond the measurable range of the echo train (status
    /// <see cref="DecayFitStatus.BeyondMeasurableRange"/>, NaN in the map; <see cref="MeasurableRange"/>).</summary>
    public long BeyondMeasurableRangePixels { get; init; }
}
