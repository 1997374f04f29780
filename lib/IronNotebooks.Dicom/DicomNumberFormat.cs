using System.Globalization;

namespace IronNotebooks.Dicom;

/// <summary>Formats numbers for decimal-string (DS) values, which the standard limits to 16 characters.</summary>
public static class DicomNumberFormat
{
    /// <summary>
    /// The shortest invariant text for <paramref name="value"/> that fits 16 characters, losing as little precision
    /// as possible (round-trip form first, then fewer significant digits, then exponent form).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite: DS cannot hold them.</exception>
    public static string FormatDS(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A decimal string (DS) cannot hold NaN or infinity.");
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        if (r.Length <= 16) return r;
        for (int digits = 15; digits >= 1; digits--)
        {
            var g = value.ToString("G" + digits, CultureInfo.InvariantCulture);
            if (g.Length <= 16) return g;
        }
        return value.ToString("0.#########E+0", CultureInfo.InvariantCulture)[..16];
    }
}
