namespace IronNotebooks.Dicom.Inspection;

/// <summary>Minimum, maximum and mean over every sample of every frame, in one scale (stored or rescaled).</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Mean">Arithmetic mean (summed in double precision).</param>
/// <param name="Count">Number of samples.</param>
public sealed record PixelStatistics(double Min, double Max, double Mean, long Count)
{
    /// <summary>Accumulates values; create with <see cref="Start"/>, feed with <see cref="Add"/>, read with <see cref="ToStatistics"/>.</summary>
    public sealed class Accumulator
    {
        private double _min = double.PositiveInfinity, _max = double.NegativeInfinity, _sum;
        private long _count;

        /// <summary>Adds values.</summary>
        public void Add(ReadOnlySpan<double> values)
        {
            foreach (var v in values)
            {
                if (v < _min) _min = v;
                if (v > _max) _max = v;
                _sum += v;
            }
            _count += values.Length;
        }

        /// <summary>The statistics so far; null when nothing was added.</summary>
        public PixelStatistics? ToStatistics() => _count == 0 ? null : new PixelStatistics(_min, _max, _sum / _count, _count);
    }

    /// <summary>A new accumulator.</summary>
    public static Accumulator Start() => new();
}
