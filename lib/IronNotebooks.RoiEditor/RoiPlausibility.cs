using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.RoiEditor;

/// <summary>
/// Hints that an ROI may sit on the wrong tissue. These are heuristics of this editor (thresholds chosen here, not
/// published; README "Plausibility hints"): they never change a number, they only ask the reader to look again.
/// </summary>
public static class RoiPlausibility
{
    /// <summary>Coefficient of variation on the first echo above which a liver ROI is suspected to include a vessel or an edge.</summary>
    public const double LiverMaxCoefficientOfVariation = 0.20;

    /// <summary>The body's bright reference: this percentile of the body's pixels on the first echo (fat is the brightest tissue on T1-weighted GRE).</summary>
    public const double BrightPercentile = 0.95;

    /// <summary>A muscle ROI whose first-echo mean exceeds this fraction of <see cref="BrightPercentile"/> looks like fat.</summary>
    public const double MuscleFatFraction = 0.85;

    /// <summary>Relative difference between the two paraspinal muscle means above which the brighter one is suspected.</summary>
    public const double MuscleMaxAsymmetry = 0.30;

    /// <summary>Pixels from the border within which an ROI counts as "at the edge".</summary>
    public const int EdgeMarginPixels = 3;

    /// <summary>Returns <paramref name="results"/> with hints added.</summary>
    public static IReadOnlyList<EditorRoiMeasurement> AddHints(IReadOnlyList<EditorRoiMeasurement> results, IReadOnlyList<RoiShape> rois, MultiEchoSlice slice)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(rois);
        ArgumentNullException.ThrowIfNull(slice);
        var measured = results.Where(r => r.Echoes.Count > 0).ToList();
        double bright = BodyPercentile(slice.Echoes[0], BrightPercentile);
        var liverSds = measured.Where(r => r.Role == RoiRole.Liver).ToDictionary(r => r.Name, r => r.Echoes[0].Sd);
        var muscles = measured.Where(r => r.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal).ToList();
        var output = new List<EditorRoiMeasurement>();
        foreach (var r in results)
        {
            if (r.Echoes.Count == 0) { output.Add(r); continue; }
            var hints = new List<string>();
            var first = r.Echoes[0];
            double cv = first.Mean > 0 ? first.Sd / first.Mean : double.PositiveInfinity;
            var roi = rois.First(x => x.Name == r.Name);
            if (AtEdge(roi, slice.Geometry))
                hints.Add($"{r.Name} is within {EdgeMarginPixels} pixels of the image edge (wrap-around, coil fall-off): move it inward");
            if (r.Role == RoiRole.Liver)
            {
                var others = liverSds.Where(kv => kv.Key != r.Name).Select(kv => kv.Value).Order().ToList();
                double median = others.Count >= 2 ? others[others.Count / 2] : double.NaN;
                if (cv > LiverMaxCoefficientOfVariation)
                    hints.Add(F($"{r.Name}: SD is {cv:P0} of the mean on the first echo: a vessel or the liver edge may be inside; place it on homogeneous parenchyma"));
                else if (double.IsFinite(median) && first.Sd > 2 * median && cv > LiverMaxCoefficientOfVariation / 2)
                    hints.Add(F($"{r.Name}: SD {first.Sd:0.#} is more than twice the other liver ROIs' ({median:0.#}): a vessel may be inside"));
            }
            if (r.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal)
            {
                if (double.IsFinite(bright) && first.Mean > MuscleFatFraction * bright)
                    hints.Add(F($"{r.Name}: first-echo mean {first.Mean:0} is {first.Mean / bright:P0} of the body's brightest tissue ({BrightPercentile:P0} percentile {bright:0}): this looks like fat, not paraspinal muscle"));
                var other = muscles.FirstOrDefault(m => m.Name != r.Name);
                if (other is not null && first.Mean > (1 + MuscleMaxAsymmetry) * other.Echoes[0].Mean)
                    hints.Add(F($"{r.Name} is {first.Mean / other.Echoes[0].Mean - 1:P0} brighter than {other.Name}: one of them may include fat"));
            }
            if (Oscillates(r.Echoes))
                hints.Add($"{r.Name}: the signal rises and falls across echoes (fat–water chemical shift): fat may be inside");
            output.Add(r with { Hints = hints });
        }
        return output;
    }

    private static bool AtEdge(RoiShape roi, ImageGeometry g)
    {
        var mask = RoiRasterizer.Rasterize(roi, g);
        int minX = int.MaxValue, maxX = int.MinValue, minY = int.MaxValue, maxY = int.MinValue;
        foreach (var i in mask.PixelIndices)
        {
            int x = i % g.Columns, y = i / g.Columns;
            minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
        }
        return minX < EdgeMarginPixels || minY < EdgeMarginPixels || maxX > g.Columns - 1 - EdgeMarginPixels || maxY > g.Rows - 1 - EdgeMarginPixels;
    }

    // Two or more rises of over 5 % between successive echoes: a mono-exponential decay (plus Rician noise) does not
    // rise; fat and water in and out of phase do.
    private static bool Oscillates(IReadOnlyList<RoiStatistics> echoes)
    {
        if (echoes.Count < 4) return false;
        int rises = 0;
        for (int e = 1; e < echoes.Count; e++)
            if (echoes[e].Mean > echoes[e - 1].Mean * 1.05 && echoes[e].Mean > 3 * echoes[e].Sd / Math.Sqrt(echoes[e].PixelCount)) rises++;
        return rises >= 2;
    }

    // The body: pixels above 10 % of the 99th percentile (air and noise excluded).
    private static double BodyPercentile(ImagePlane plane, double fraction)
    {
        var values = plane.Pixels.ToArray().Where(float.IsFinite).ToArray();
        if (values.Length == 0) return double.NaN;
        Array.Sort(values);
        double top = values[(int)(0.99 * (values.Length - 1))];
        var body = values.Where(v => v > 0.1 * top).ToArray();
        return body.Length < 100 ? double.NaN : body[(int)(fraction * (body.Length - 1))];
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
