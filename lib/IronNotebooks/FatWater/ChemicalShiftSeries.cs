using System.Globalization;
using IronNotebooks.Imaging;

namespace IronNotebooks.FatWater;

/// <summary>
/// A chemical-shift-encoded multi-echo acquisition: the magnitude series and, when the scanner exported them, phase
/// images of the same echoes and slices (radians after <see cref="FromMagnitudeAndPhase"/>'s scaling). Complex fat–water
/// fitting needs the phase; magnitude fitting does not.
/// </summary>
public sealed class ChemicalShiftSeries
{
    private ChemicalShiftSeries(MultiEchoSeries magnitude, MultiEchoSeries? phaseRadians)
    {
        Magnitude = magnitude;
        PhaseRadians = phaseRadians;
    }

    /// <summary>Magnitude images.</summary>
    public MultiEchoSeries Magnitude { get; }

    /// <summary>Phase images in radians, or null (magnitude only).</summary>
    public MultiEchoSeries? PhaseRadians { get; }

    /// <summary>True when phase images are present.</summary>
    public bool HasPhase => PhaseRadians is not null;

    /// <summary>Largest |phase| accepted after scaling, radians: 2π (phase in [−π, π) or [0, 2π)) plus 1 % for rounding.</summary>
    public const double MaxPhaseRadians = 2 * Math.PI * 1.01;

    /// <summary>Magnitude only.</summary>
    public static ChemicalShiftSeries FromMagnitude(MultiEchoSeries magnitude) => new(Guard.NotNull(magnitude), null);

    /// <summary>
    /// Pairs magnitude with phase images. Stored phase values are converted to radians as value × <paramref name="radiansPerUnit"/>
    /// (1 for phase already in radians; π/4096 for the common −4096…4095 integer phase).
    /// </summary>
    /// <exception cref="ImagingException">The phase series does not match the magnitude series: other echo times, another
    /// slice count, another matrix, slice positions that differ by more than 0.01 mm, or values beyond ±2π after scaling
    /// (a wrong <paramref name="radiansPerUnit"/> or not a phase image).</exception>
    public static ChemicalShiftSeries FromMagnitudeAndPhase(MultiEchoSeries magnitude, MultiEchoSeries phase, double radiansPerUnit = 1.0)
    {
        Guard.NotNull(magnitude);
        Guard.NotNull(phase);
        Guard.Positive(radiansPerUnit);
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        string where = $"magnitude '{magnitude.Description}' ({magnitude.Source}), phase '{phase.Description}' ({phase.Source})";
        if (magnitude.EchoTimesMs.Count != phase.EchoTimesMs.Count)
            throw new ImagingException(F($"Phase images do not match the magnitude series: {phase.EchoTimesMs.Count} phase echoes for {magnitude.EchoTimesMs.Count} magnitude echoes"), where);
        for (int e = 0; e < magnitude.EchoTimesMs.Count; e++)
            if (Math.Abs(magnitude.EchoTimesMs[e] - phase.EchoTimesMs[e]) > 1e-3)
                throw new ImagingException(F($"Phase images do not match the magnitude series: echo {e + 1} is {phase.EchoTimesMs[e]:0.###} ms in the phase series and {magnitude.EchoTimesMs[e]:0.###} ms in the magnitude series"), where);
        if (magnitude.Slices.Count != phase.Slices.Count)
            throw new ImagingException(F($"Phase images do not match the magnitude series: {phase.Slices.Count} phase slices for {magnitude.Slices.Count} magnitude slices"), where);
        var slices = new List<MultiEchoSlice>();
        for (int k = 0; k < magnitude.Slices.Count; k++)
        {
            var m = magnitude.Slices[k];
            var p = phase.Slices[k];
            if (m.Geometry.Rows != p.Geometry.Rows || m.Geometry.Columns != p.Geometry.Columns)
                throw new ImagingException(F($"Phase images do not match the magnitude series: slice {k} is {p.Geometry.Columns} × {p.Geometry.Rows} in phase and {m.Geometry.Columns} × {m.Geometry.Rows} in magnitude"), where);
            if (Math.Abs(m.SliceLocationMm - p.SliceLocationMm) > 0.01)
                throw new ImagingException(F($"Phase images do not match the magnitude series: slice {k} lies at {p.SliceLocationMm} mm in phase and {m.SliceLocationMm} mm in magnitude"), where);
            var planes = new ImagePlane[p.Echoes.Count];
            for (int e = 0; e < planes.Length; e++)
            {
                var src = p.Echoes[e].Pixels;
                var radians = new float[src.Length];
                for (int i = 0; i < src.Length; i++)
                {
                    double r = src[i] * radiansPerUnit;
                    // Phase lies in [−π, π) or [0, 2π): anything beyond 2π (1 % slack for rounding of the stored integers)
                    // is a wrong scale or not a phase image at all (e.g. the magnitude series given twice).
                    if (Math.Abs(r) > MaxPhaseRadians)
                        throw new ImagingException(F($"Phase images do not match the magnitude series: slice {k}, echo {e + 1}, pixel {i} has phase {r:0.###} rad (stored {src[i]:0.###} × {radiansPerUnit:G6}), beyond ±2π; check radiansPerUnit (π/4096 for −4096…4095 integers) or that the phase series really holds phase"), where);
                    radians[i] = (float)r;
                }
                planes[e] = new ImagePlane(radians, p.Echoes[e].Geometry, p.Echoes[e].EchoTimeMs, p.Echoes[e].Source);
            }
            slices.Add(p with { Echoes = planes });
        }
        return new(magnitude, MultiEchoSeries.FromPlanes(phase.Description, phase.EchoTimesMs, slices, phase.FieldStrengthT, phase.Source));
    }
}
