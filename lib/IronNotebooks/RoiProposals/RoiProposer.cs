using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.RoiProposals;

/// <summary>
/// Automatic ROI proposal by classical image analysis (docs/methods.md §6, automatic ROIs), on a multi-echo GRE series or
/// on SIR sequences loaded as one multi-echo series (same TR and flip, several TEs):
/// <list type="number">
/// <item>Body/air: the noise σ from the darkest image corner (Rayleigh median), air = pixels below 5σ connected to the
/// image border; the body is the largest remaining component (holes such as bowel gas or a dark iron-loaded liver included).</item>
/// <item>Homogeneity: local mean and SD of the first echo in a ≈ 7 mm window; a pixel is homogeneous when the SD is within
/// 2σ + 6 % of the mean. Vessels, organ edges and bowel texture break homogeneity.</item>
/// <item>Liver: the homogeneous component with the largest inscribed disc (distance transform) whose core lies on the
/// patient's right (patient coordinates from the image geometry, so rotation, flips and coronal slices are handled),
/// favouring superior positions on coronal/sagittal slices; "not found" when no such disc of
/// <see cref="RoiProposalOptions.MinLiverInscribedRadiusMm"/> exists.</item>
/// <item>Parenchyma: grown from the seed through homogeneous pixels whose shading-corrected signal (first echo divided by a
/// smooth bias-field estimate) and local pixel R2* (log-linear, echoes above 3σ) are close to those of the core, the
/// homogeneous pixels inside the seed's inscribed disc; disc centres need the disc radius plus a clearance from every
/// excluded pixel (distance transform) and a local R2* within ±15 % of the median; three discs, deepest first.</item>
/// <item>Paraspinal muscles, outside the liver: on axial slices beside the vertebral body (the low-signal region at the
/// posterior midline), posterior to the body centre; on coronal slices beside the vertebral column when its body/disc
/// period is in plane; otherwise "not found" with the reason.</item>
/// <item>Air: the largest disc in the border-connected air, up to 20 mm.</item>
/// </list>
/// Every ROI has a confidence and reasons; what cannot be found is listed with the reason.
/// </summary>
public static class RoiProposer
{
    /// <summary>Proposes ROIs on the slice of <paramref name="series"/> that shows the most liver.</summary>
    /// <exception cref="ArgumentException">Fewer than one echo, or an empty series.</exception>
    public static RoiProposal Propose(MultiEchoSeries series, RoiProposalOptions? options = null)
    {
        Guard.NotNull(series);
        options ??= RoiProposalOptions.Default;
        if (series.Slices.Count == 0) throw new ArgumentException($"Series '{series.Description}' has no slices.", nameof(series));
        RoiProposal? best = null;
        double bestScore = double.NegativeInfinity;
        for (int s = 0; s < series.Slices.Count; s++)
        {
            var (proposal, score) = ProposeSlice(series, s, options);
            if (score > bestScore)
            {
                bestScore = score;
                best = proposal;
            }
        }
        return best!;
    }

    /// <summary>Proposes ROIs on one slice.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Slice index out of range.</exception>
    public static RoiProposal ProposeOnSlice(MultiEchoSeries series, int sliceIndex, RoiProposalOptions? options = null)
    {
        Guard.NotNull(series);
        Guard.InRange(sliceIndex, 0, series.Slices.Count - 1);
        return ProposeSlice(series, sliceIndex, options ?? RoiProposalOptions.Default).Proposal;
    }

    private static (RoiProposal Proposal, double Score) ProposeSlice(MultiEchoSeries series, int sliceIndex, RoiProposalOptions o)
    {
        var slice = series.Slices[sliceIndex];
        var g = slice.Geometry;
        int cols = g.Columns, rows = g.Rows, n = rows * cols;
        double dx = g.ColumnSpacingMm, dy = g.RowSpacingMm, pixelMm = Math.Sqrt(dx * dy);
        var img0 = slice.Echoes[0].Pixels.ToArray();
        var warnings = new List<string>();
        var proposed = new List<ProposedRoi>();
        var notFound = new List<RoiNotFound>();
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        // 1. Noise and body.
        double sigma = CornerNoise(img0, rows, cols);
        double threshold = Math.Max(5 * sigma, 1e-9);
        var air = BorderConnected(img0, rows, cols, threshold);
        var body = LargestComponent(air.Select(a => !a).ToArray(), rows, cols);
        for (int i = 0; i < n; i++) air[i] = air[i] && !body[i];
        var airPixels = Enumerable.Range(0, n).Where(i => air[i]).Select(i => (double)img0[i]).ToArray();
        if (airPixels.Length > 50) sigma = Math.Max(airPixels.Average() / 1.2533141, 1e-12); // Rayleigh mean = σ√(π/2)
        int bodyCount = body.Count(b => b);
        if (bodyCount < 100)
        {
            notFound.Add(new RoiNotFound { Name = "liver-1", Role = RoiRole.Liver, Reason = F($"No body found on slice {sliceIndex}: {bodyCount} pixels above 5σ (σ = {sigma:G3}).") });
            return (Build(series, sliceIndex, o, proposed, notFound, sigma, [], 0, null, warnings, null), double.NegativeInfinity);
        }
        var bodyCentre = Centroid(body, g);

        // 2. Pixel R2* (weighted log-linear on echoes above 3σ) and homogeneity of the first echo.
        var te = series.EchoTimesMs;
        var r2 = PixelR2Star(slice, body, te, sigma);
        int win = Math.Max(3, (int)Math.Round(o.HomogeneityWindowMm / pixelMm) | 1);
        var (mean0, sd0) = LocalMeanSd(img0, rows, cols, win);
        var homogeneous = new bool[n];
        for (int i = 0; i < n; i++)
            homogeneous[i] = body[i] && sd0[i] <= o.HomogeneityNoiseFactor * sigma + o.HomogeneityRelativeSd * mean0[i] && mean0[i] > 2 * sigma;
        var homDist = DistanceTransform.ToOutsideMm(homogeneous, rows, cols, dy, dx);
        var bodyDist = DistanceTransform.ToOutsideMm(body, rows, cols, dy, dx);
        var labels = Label(homogeneous, rows, cols, out int componentCount);

        // 3. Liver: the component with the largest inscribed disc on the patient's right.
        var normal = g.Normal;
        bool axial = Math.Abs(normal.Z) > 0.8;
        var bestRadius = new double[componentCount + 1];
        var bestPixel = new int[componentCount + 1];
        for (int i = 0; i < n; i++)
        {
            int c = labels[i];
            if (c == 0) continue;
            var p = g.PixelToPatient(i % cols, i / cols) - bodyCentre;
            if (p.X > -10) continue; // patient right is −x in LPS
            if (!axial && p.Z < 0) continue; // coronal/sagittal: the liver lies in the upper abdomen, above the body's centre
            // An organ's core lies deeper in the body than its own radius (body wall between); subcutaneous fat reaches the skin.
            if (bodyDist[i] < homDist[i] + 4) continue;
            double score = homDist[i] * (axial ? 1 : 1 + 0.004 * Math.Clamp(p.Z, -100, 100));
            if (score > bestRadius[c]) { bestRadius[c] = score; bestPixel[c] = i; }
        }
        double liverRadiusPx = o.LiverDiscDiameterMm / 2 / pixelMm;
        var centres = new List<RoiPoint>();
        double? medianR2 = null;
        MaskRoi? parenchymaRoi = null;
        bool[]? liverMask = null;
        double parenchymaAreaMm2 = 0;

        // 4. Parenchyma: robust intensity and R2* limits from the core, the homogeneous pixels of the component inside
        // the inscribed disc around the seed (the component can reach other organs through homogeneous bridges, so its
        // whole-component median is not the liver's). Intensities are divided by a smooth bias-field estimate first:
        // coil shading changes the liver's signal by tens of per cent across a 1.5 mm matrix, a fixed band around the
        // core's median then cuts the parenchyma into pieces. R2* is a ratio of echoes, free of shading.
        var bias = NormalizedSmooth(img0, homogeneous, rows, cols, o.ShadingScaleMm / dx, o.ShadingScaleMm / dy);
        var flat = new float[n];
        for (int i = 0; i < n; i++) flat[i] = bias[i] > 0 ? (float)(img0[i] / bias[i]) : 0f;
        var (meanFlat, _) = LocalMeanSd(flat, rows, cols, win);
        (bool[] Parenchyma, double MedianR2, double MadR2) Grow(int seed, int component, double inscribedMm)
        {
            var core = Enumerable.Range(0, n).Where(i => labels[i] == component && DistanceMm(seed, i, cols, dx, dy) <= inscribedMm).ToArray();
            double med0 = Median(core.Select(i => (double)flat[i])), mad0 = 1.4826 * Median(core.Select(i => Math.Abs(flat[i] - med0)));
            var coreR2 = core.Select(i => r2[i]).Where(double.IsFinite).ToArray();
            double medR2 = coreR2.Length > 0 ? Median(coreR2) : double.NaN;
            double madR2 = coreR2.Length > 0 ? 1.4826 * Median(coreR2.Select(v => Math.Abs(v - medR2))) : double.NaN;
            // Grown from the seed through homogeneous pixels of similar (shading-corrected) signal and R2* (4-connected), so
            // that tissue of another signal that touches the component (bowel, fat, spleen, kidney) is left out.
            var (r2Local, _) = LocalMeanSd(r2.Select(v => double.IsFinite(v) ? (float)v : (float)(double.IsFinite(medR2) ? medR2 : 0)).ToArray(), rows, cols, win);
            var grown = new bool[n];
            var stack = new Stack<int>();
            grown[seed] = true;
            stack.Push(seed);
            bool Similar(int i)
            {
                double noise = bias[i] > 0 ? sigma / bias[i] : double.PositiveInfinity;
                return homogeneous[i] && Math.Abs(meanFlat[i] - med0) <= 0.12 * med0 + 2 * noise + 2 * mad0 / win
                    && Math.Abs(flat[i] - med0) <= 3 * mad0 + 2 * noise
                    && (!double.IsFinite(medR2) || Math.Abs(r2Local[i] - medR2) <= 0.3 * medR2 + 3 * madR2 / win + 5);
            }
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % cols, y = i / cols;
                foreach (int j in new[] { x > 0 ? i - 1 : -1, x < cols - 1 ? i + 1 : -1, y > 0 ? i - cols : -1, y < rows - 1 ? i + cols : -1 })
                    if (j >= 0 && !grown[j] && Similar(j)) { grown[j] = true; stack.Push(j); }
            }
            return (grown, medR2, madR2);
        }

        // The liver is the best remaining component whose grown region does not line the skin: a region covering more than
        // a quarter of the outer 10 mm of the body is subcutaneous fat (a deep fat pad joined to it can hold a larger disc
        // than a vessel-rich liver), never the liver, which the abdominal wall keeps off the skin.
        int skinBand = 0;
        for (int i = 0; i < n; i++) if (body[i] && bodyDist[i] <= 10) skinBand++;
        var rejected = new List<string>();
        int liverComponent;
        double inscribed;
        (bool[] Parenchyma, double MedianR2, double MadR2) liver = default;
        while (true)
        {
            liverComponent = 0;
            for (int c = 1; c <= componentCount; c++)
                if (bestRadius[c] > bestRadius[liverComponent]) liverComponent = c;
            inscribed = liverComponent == 0 ? 0 : homDist[bestPixel[liverComponent]];
            if (inscribed < o.MinLiverInscribedRadiusMm) break;
            liver = Grow(bestPixel[liverComponent], liverComponent, inscribed);
            int onSkin = 0;
            for (int i = 0; i < n; i++) if (liver.Parenchyma[i] && bodyDist[i] <= 10) onSkin++;
            double skinFraction = skinBand > 0 ? (double)onSkin / skinBand : 0;
            if (skinFraction <= 0.25) break;
            var at = g.PixelToPatient(bestPixel[liverComponent] % cols, bestPixel[liverComponent] / cols) - bodyCentre;
            rejected.Add(F($"the region at {-at.X:0} mm right of the body centre (inscribed radius {inscribed:0.#} mm) lines {100 * skinFraction:0} % of the body's outer 10 mm: subcutaneous fat"));
            bestRadius[liverComponent] = 0;
        }
        if (inscribed < o.MinLiverInscribedRadiusMm)
        {
            string reason = F($"Liver not found on slice {sliceIndex}: no homogeneous region on the patient's right holds a disc of radius {o.MinLiverInscribedRadiusMm:0.#} mm (largest {inscribed:0.#} mm); the slice may be below or above the liver, or the liver is too heterogeneous.")
                + (rejected.Count > 0 ? " Rejected: " + string.Join("; ", rejected) + "." : "");
            for (int k = 1; k <= o.LiverDiscCount; k++) notFound.Add(new RoiNotFound { Name = $"liver-{k}", Role = RoiRole.Liver, Reason = reason });
        }
        else
        {
            int seed = bestPixel[liverComponent];
            var parenchyma = liver.Parenchyma!;
            double medR2 = liver.MedianR2;
            medianR2 = double.IsFinite(medR2) ? medR2 : null;
            if (rejected.Count > 0) warnings.Add("Liver search: " + string.Join("; ", rejected) + ".");
            liverMask = parenchyma;
            var parDist = DistanceTransform.ToOutsideMm(parenchyma, rows, cols, dy, dx);
            parenchymaAreaMm2 = parenchyma.Count(b => b) * g.PixelAreaMm2;
            var (r2Mean, _) = LocalMeanSd(r2.Select(v => double.IsFinite(v) ? (float)v : (float)medR2).ToArray(), rows, cols, Math.Max(3, (int)Math.Round(o.LiverDiscDiameterMm / pixelMm) | 1));
            // Full clearance first; on fine matrices with many small vessels relax it (stated in the reasons, lower confidence).
            var valid = new List<int>();
            int outliers = 0;
            double clearance = o.EdgeClearanceMm;
            foreach (double c in new[] { o.EdgeClearanceMm, o.EdgeClearanceMm / 2, 0 })
            {
                clearance = c;
                valid.Clear();
                outliers = 0;
                double need = o.LiverDiscDiameterMm / 2 + c;
                for (int i = 0; i < n; i++)
                {
                    if (parDist[i] < need) continue;
                if ((g.PixelToPatient(i % cols, i / cols) - bodyCentre).X > -10) continue; // liver discs stay on the patient's right
                    if (double.IsFinite(medR2) && Math.Abs(r2Mean[i] - medR2) > o.R2StarOutlierFraction * medR2 + 3) { outliers++; continue; }
                    valid.Add(i);
                }
                if (valid.Count >= 5) break;
            }
            if (clearance < o.EdgeClearanceMm && valid.Count > 0)
                warnings.Add(F($"Disc clearance from vessels and edges relaxed from {o.EdgeClearanceMm} to {clearance} mm: no position with full clearance."));
            centres.AddRange(valid.Select(i => new RoiPoint(i % cols, i / cols)));
            if (o.IncludeParenchymaMask)
            {
                var maskPixels = Enumerable.Range(0, n).Where(i => parDist[i] >= o.EdgeClearanceMm).ToArray();
                if (maskPixels.Length > 0) parenchymaRoi = new MaskRoi("liver-parenchyma", RoiRole.Liver, rows, cols, maskPixels);
            }
            var chosen = new List<int>();
            for (int k = 0; k < o.LiverDiscCount && valid.Count > 0; k++)
            {
                int pick = -1;
                double pickScore = -1;
                foreach (int i in valid)
                {
                    // Deepest positions first (the thick part of the organ), each at least a disc diameter + 4 mm from the others
                    // and within 60 mm of the first, as a reader places the Rennes discs together in the right lobe.
                    double score = parDist[i];
                    if (chosen.Count > 0 && (chosen.Min(c => DistanceMm(c, i, cols, dx, dy)) < o.LiverDiscDiameterMm + 4 || DistanceMm(chosen[0], i, cols, dx, dy) > 60)) continue;
                    if (score > pickScore) { pickScore = score; pick = i; }
                }
                if (pick < 0) break;
                chosen.Add(pick);
            }
            var side = g.PixelToPatient(seed % cols, seed / cols) - bodyCentre;
            for (int k = 0; k < chosen.Count; k++)
            {
                int i = chosen[k];
                double sizeFactor = Math.Min(1, inscribed / 30);
                double countFactor = (chosen.Count >= o.LiverDiscCount ? 1 : 0.8) * (clearance < o.EdgeClearanceMm ? 0.7 : 1);
                double r2Dev = double.IsFinite(medR2) && medR2 > 0 ? Math.Abs(r2Mean[i] - medR2) / medR2 : 0;
                double r2Factor = Math.Clamp(1 - r2Dev / Math.Max(o.R2StarOutlierFraction, 1e-6) * 0.5, 0.3, 1);
                proposed.Add(new ProposedRoi
                {
                    Roi = new CircleRoi($"liver-{k + 1}", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(i % cols, i / cols), Math.Round(liverRadiusPx, 2)),
                    Confidence = Math.Round(0.95 * sizeFactor * countFactor * r2Factor, 3),
                    Reasons =
                    [
                        F($"largest homogeneous region on the patient's right (core {-side.X:0} mm right of the body centre), inscribed radius {inscribed:0.#} mm, parenchyma {parenchymaAreaMm2 / 100:0} cm²"),
                        F($"disc edge ≥ {parDist[i] - o.LiverDiscDiameterMm / 2:0.#} mm from vessels, organ edges and outlier pixels (distance transform)"),
                        double.IsFinite(medR2) ? F($"local R2* {r2Mean[i]:0.#} s⁻¹ vs parenchyma median {medR2:0.#} s⁻¹ ({100 * r2Dev:0.#} %)") : "pixel R2* not available",
                        F($"{valid.Count} valid disc positions, {outliers} rejected as R2* outliers"),
                    ],
                });
            }
            if (chosen.Count < o.LiverDiscCount)
            {
                string reason = F($"Only {chosen.Count} of {o.LiverDiscCount} liver discs fit: {valid.Count} valid positions (disc {o.LiverDiscDiameterMm} mm + {clearance} mm clearance, ≥ {o.LiverDiscDiameterMm + 4} mm apart).");
                for (int k = chosen.Count + 1; k <= o.LiverDiscCount; k++) notFound.Add(new RoiNotFound { Name = $"liver-{k}", Role = RoiRole.Liver, Reason = reason });
                if (chosen.Count == 0) centres.Clear();
            }
            if (valid.Count < 30 && valid.Count > 0) warnings.Add(F($"Only {valid.Count} valid liver disc positions: the spatial uncertainty rests on few placements."));
        }

        // 5. Paraspinal muscles beside the vertebral body (axial), or beside the vertebral column when it is in a coronal plane.
        double muscleRadiusPx = o.MuscleDiscDiameterMm / 2 / pixelMm;
        // Muscle discs are placed in homogeneous tissue outside the liver parenchyma: at low iron the liver has the muscle's
        // signal and touches the right paraspinal muscle, and its larger homogeneous discs would otherwise win.
        var muscleSpace = homogeneous;
        var muscleDist = homDist;
        if (liverMask is not null && proposed.Any(p => p.Roi.Role == RoiRole.Liver))
        {
            muscleSpace = new bool[n];
            for (int i = 0; i < n; i++) muscleSpace[i] = homogeneous[i] && !liverMask[i];
            muscleDist = DistanceTransform.ToOutsideMm(muscleSpace, rows, cols, dy, dx);
        }
        if (axial)
            FindMuscles(g, img0, body, muscleSpace, muscleDist, bodyDist, bodyCentre, mean0, sigma, o, muscleRadiusPx, proposed, notFound, F);
        else if (Math.Abs(normal.Y) > 0.8)
            FindMusclesCoronal(g, img0, body, muscleSpace, muscleDist, bodyCentre, o, muscleRadiusPx, proposed, notFound, F);
        else
        {
            foreach (var (name, role) in new[] { ("muscle-right", RoiRole.MuscleRightParaspinal), ("muscle-left", RoiRole.MuscleLeftParaspinal) })
                notFound.Add(new RoiNotFound { Name = name, Role = role, Reason = F($"Slice {sliceIndex} is neither axial nor coronal (normal {normal.X:0.##}, {normal.Y:0.##}, {normal.Z:0.##}): paraspinal muscles are located beside the vertebra on axial and coronal slices only.") });
        }

        // 6. Air.
        var airDist = DistanceTransform.ToOutsideMm(air, rows, cols, dy, dx);
        int airBest = 0;
        for (int i = 1; i < n; i++) if (airDist[i] > airDist[airBest]) airBest = i;
        double airRadiusMm = Math.Min(o.AirDiscMaxRadiusMm, airDist[airBest] - pixelMm);
        if (airRadiusMm < 3 * pixelMm)
            notFound.Add(new RoiNotFound { Name = "background", Role = RoiRole.Background, Reason = F($"No air region large enough for a noise ROI (largest inscribed radius {airDist[airBest]:0.#} mm).") });
        else
        {
            var airRoi = new CircleRoi("background", RoiRole.Background, RoiSpace.Pixel, new RoiPoint(airBest % cols, airBest / cols), Math.Round(airRadiusMm / pixelMm, 2));
            var st = RoiMeasurement.Measure(slice.Echoes[0], airRoi);
            double ratio = st.Mean > 0 ? st.Sd / st.Mean : double.NaN;
            double conf = double.IsFinite(ratio) ? Math.Clamp(1 - Math.Abs(ratio - 0.5227) / 0.5227, 0.1, 1) : 0.1;
            proposed.Add(new ProposedRoi
            {
                Roi = airRoi,
                Confidence = Math.Round(0.95 * conf, 3),
                Reasons = [F($"largest disc in the air connected to the image border (radius {airRadiusMm:0.#} mm)"), F($"SD/mean {ratio:0.###} (pure Rayleigh noise: 0.523)")],
            });
        }
        double sliceScore = inscribed + (proposed.Count(p => p.Roi.Role == RoiRole.Liver) * 0.01);
        return (Build(series, sliceIndex, o, proposed, notFound, sigma, centres, liverRadiusPx, medianR2, warnings, parenchymaRoi), sliceScore);
    }

    private static void FindMuscles(ImageGeometry g, float[] img0, bool[] body, bool[] homogeneous, float[] homDist, float[] bodyDist, Vector3Mm bodyCentre, float[] mean0,
        double sigma, RoiProposalOptions o, double radiusPx, List<ProposedRoi> proposed, List<RoiNotFound> notFound, Func<FormattableString, string> F)
    {
        int cols = g.Columns, n = g.Rows * cols;
        // Body extent along the patient's anterior–posterior axis (y, posterior +).
        double maxY = double.NegativeInfinity, minY = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
            if (body[i])
            {
                var p = g.PixelToPatient(i % cols, i / cols);
                maxY = Math.Max(maxY, p.Y);
                minY = Math.Min(minY, p.Y);
            }
        double depth = maxY - minY;
        // Vertebral body: the low-signal pixels near the posterior midline (within 40 mm of the midline, posterior third).
        var bodyValues = Enumerable.Range(0, n).Where(i => body[i]).Select(i => (double)mean0[i]).ToArray();
        double bodyMedian = Median(bodyValues);
        // Bright subcutaneous fat: when the body's outer 3–12 mm is clearly brighter than the body (75th percentile ≥ 1.3 ×
        // the body median; not so on fat-suppressed images), muscle candidates must be darker than 0.85 × that level. Thick
        // posterior fat otherwise holds larger homogeneous discs than thin paraspinal muscles.
        var band = Enumerable.Range(0, n).Where(i => homogeneous[i] && bodyDist[i] >= 3 && bodyDist[i] <= 12).Select(i => (double)mean0[i]).ToArray();
        double fatLevel = band.Length >= 50 ? Percentile75(band) : double.NaN;
        double muscleCeiling = double.IsFinite(fatLevel) && fatLevel >= 1.3 * bodyMedian ? 0.85 * fatLevel : double.PositiveInfinity;
        double sx = 0, sy = 0;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (!body[i]) continue;
            var p = g.PixelToPatient(i % cols, i / cols);
            if (Math.Abs(p.X - bodyCentre.X) > 25 || p.Y < minY + 0.55 * depth || p.Y > maxY - 0.08 * depth) continue;
            if (mean0[i] > 0.5 * bodyMedian) continue;
            sx += p.X; sy += p.Y; count++;
        }
        double areaMm2 = count * g.PixelAreaMm2;
        bool vertebra = areaMm2 >= 300;
        double vx = vertebra ? sx / count : bodyCentre.X, vy = vertebra ? sy / count : minY + 0.7 * depth;
        foreach (var (name, role, sign) in new[] { ("muscle-right", RoiRole.MuscleRightParaspinal, -1.0), ("muscle-left", RoiRole.MuscleLeftParaspinal, 1.0) })
        {
            int best = -1, nearest = -1;
            double nearestD2 = double.PositiveInfinity, need = o.MuscleDiscDiameterMm / 2 + 1;
            for (int i = 0; i < n; i++)
            {
                // As for the liver, a muscle's core lies deeper than its own radius + 4 mm (the subcutaneous fat behind it reaches the skin).
                if (!homogeneous[i] || bodyDist[i] < homDist[i] + 4 || mean0[i] >= muscleCeiling || mean0[i] <= 0.5 * bodyMedian) continue; // not fat, not the low-signal bone
                var p = g.PixelToPatient(i % cols, i / cols);
                double lateral = sign * (p.X - vx);
                if (lateral < 12 || lateral > 50 || p.Y < Math.Max(vy, maxY - 0.3 * depth)) continue;
                if (best < 0 || homDist[i] > homDist[best]) best = i;
                // Among the positions that hold the disc, the one nearest the vertebral centre: the paraspinal muscles lie
                // against the posterior elements, the fat behind them (thick in obese habitus) is farther out.
                double d2 = (p.X - vx) * (p.X - vx) + (p.Y - vy) * (p.Y - vy);
                if (homDist[i] >= need + 1 && (nearest < 0 || d2 < nearestD2)) { nearest = i; nearestD2 = d2; }
            }
            if (nearest >= 0) best = nearest;
            if (best < 0 || homDist[best] < need)
            {
                notFound.Add(new RoiNotFound { Name = name, Role = role, Reason = F($"No homogeneous region {(sign < 0 ? "right" : "left")} of the {(vertebra ? "vertebral body" : "posterior midline")} holds a {o.MuscleDiscDiameterMm} mm disc (largest radius {(best < 0 ? 0 : homDist[best]):0.#} mm).") });
                continue;
            }
            var bp = g.PixelToPatient(best % cols, best / cols);
            double conf = (vertebra ? 0.9 : 0.6) * Math.Min(1, homDist[best] / (need + 4));
            proposed.Add(new ProposedRoi
            {
                Roi = new CircleRoi(name, role, RoiSpace.Pixel, new RoiPoint(best % cols, best / cols), Math.Round(radiusPx, 2)),
                Confidence = Math.Round(conf, 3),
                Reasons =
                [
                    vertebra ? F($"beside the vertebral body found at the posterior midline ({areaMm2:0} mm² of low signal)") : "vertebral body not identified: placed by body shape only",
                    F($"{Math.Abs(bp.X - vx):0} mm {(sign < 0 ? "right" : "left")} of the midline, {bp.Y - vy:0} mm posterior to the vertebral centre"),
                    F($"homogeneous disc radius {homDist[best]:0.#} mm"),
                ],
            });
        }
    }

    /// <summary>
    /// Coronal slices: the vertebral column is in plane when a 16 mm wide strip near the midline shows the vertebral
    /// body/disc period along the patient's z axis (detrended first-echo profile, normalized autocorrelation ≥
    /// <see cref="RoiProposalOptions.VertebralPeriodicityMin"/> at a lag of 22–45 mm; lumbar and lower thoracic bodies plus
    /// discs measure about 25–40 mm). The muscles are then the deepest homogeneous positions 15–50 mm right and left of the
    /// column (outside the liver: the caller masks it). Which muscle that is (psoas in front of the transverse processes, erector spinae behind
    /// them) depends on the slice's depth and is not told apart on one coronal slice: the reasons say so, and the
    /// confidence is lower than beside an axial vertebral body.
    /// </summary>
    private static void FindMusclesCoronal(ImageGeometry g, float[] img0, bool[] body, bool[] homogeneous, float[] homDist, Vector3Mm bodyCentre,
        RoiProposalOptions o, double radiusPx, List<ProposedRoi> proposed, List<RoiNotFound> notFound, Func<FormattableString, string> F)
    {
        int cols = g.Columns, n = g.Rows * cols;
        var px = new double[n];
        var pz = new double[n];
        double zMin = double.PositiveInfinity, zMax = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            var p = g.PixelToPatient(i % cols, i / cols);
            px[i] = p.X;
            pz[i] = p.Z;
            if (body[i]) { zMin = Math.Min(zMin, p.Z); zMax = Math.Max(zMax, p.Z); }
        }
        double bin = Math.Min(g.ColumnSpacingMm, g.RowSpacingMm);
        int bins = Math.Max(1, (int)Math.Ceiling((zMax - zMin) / bin) + 1);
        double bestPeak = double.NegativeInfinity, bestOffset = 0, bestLag = 0;
        for (double offset = -40; offset <= 40; offset += 3)
        {
            double xc = bodyCentre.X + offset;
            var sum = new double[bins];
            var count = new int[bins];
            for (int i = 0; i < n; i++)
                if (body[i] && Math.Abs(px[i] - xc) <= 8)
                {
                    int b = (int)((pz[i] - zMin) / bin);
                    sum[b] += img0[i];
                    count[b]++;
                }
            var (peak, lag) = Periodicity(sum, count, bin);
            if (peak > bestPeak) { bestPeak = peak; bestOffset = offset; bestLag = lag; }
        }
        if (bestPeak < o.VertebralPeriodicityMin)
        {
            foreach (var (name, role) in new[] { ("muscle-right", RoiRole.MuscleRightParaspinal), ("muscle-left", RoiRole.MuscleLeftParaspinal) })
                notFound.Add(new RoiNotFound { Name = name, Role = role, Reason = F($"Coronal slice without the vertebral column in plane (vertebral period along z: autocorrelation {bestPeak:0.##} < {o.VertebralPeriodicityMin:0.##} within 40 mm of the midline): the paraspinal muscles are placed beside the vertebra only.") });
            return;
        }
        double columnX = bodyCentre.X + bestOffset;
        double need = o.MuscleDiscDiameterMm / 2 + 1;
        foreach (var (name, role, sign) in new[] { ("muscle-right", RoiRole.MuscleRightParaspinal, -1.0), ("muscle-left", RoiRole.MuscleLeftParaspinal, 1.0) })
        {
            int best = -1;
            for (int i = 0; i < n; i++)
            {
                if (!homogeneous[i]) continue;
                double lateral = sign * (px[i] - columnX);
                if (lateral < 15 || lateral > 50) continue;
                if (best < 0 || homDist[i] > homDist[best]) best = i;
            }
            if (best < 0 || homDist[best] < need)
            {
                notFound.Add(new RoiNotFound { Name = name, Role = role, Reason = F($"No homogeneous region 15–50 mm {(sign < 0 ? "right" : "left")} of the vertebral column holds a {o.MuscleDiscDiameterMm} mm disc (largest radius {(best < 0 ? 0 : homDist[best]):0.#} mm).") });
                continue;
            }
            proposed.Add(new ProposedRoi
            {
                Roi = new CircleRoi(name, role, RoiSpace.Pixel, new RoiPoint(best % cols, best / cols), Math.Round(radiusPx, 2)),
                Confidence = Math.Round(0.6 * Math.Min(1, homDist[best] / (need + 4)), 3),
                Reasons =
                [
                    F($"beside the vertebral column in this coronal plane (vertebral period {bestLag:0} mm along z, autocorrelation {bestPeak:0.##}, column {Math.Abs(bestOffset):0} mm {(bestOffset < 0 ? "right" : "left")} of the body centre)"),
                    F($"{Math.Abs(px[best] - columnX):0} mm {(sign < 0 ? "right" : "left")} of the column, {pz[best] - bodyCentre.Z:+0;-0} mm along z from the body centre, outside the liver"),
                    F($"homogeneous disc radius {homDist[best]:0.#} mm"),
                    "coronal slice: psoas or erector spinae depending on the slice's depth (not told apart on one slice)",
                ],
            });
        }
    }

    /// <summary>Largest normalized autocorrelation at lags 22–45 mm of a binned profile, detrended by a Gaussian of SD 25 mm (bins without pixels carry no weight).</summary>
    private static (double Peak, double LagMm) Periodicity(double[] sum, int[] count, double binMm)
    {
        int m = sum.Length;
        var profile = new double[m];
        var ok = new bool[m];
        for (int b = 0; b < m; b++) if (count[b] > 0) { profile[b] = sum[b] / count[b]; ok[b] = true; }
        int reach = (int)Math.Ceiling(75 / binMm);
        double s = 25 / binMm;
        var detrended = new double[m];
        for (int b = 0; b < m; b++)
        {
            if (!ok[b]) continue;
            double num = 0, den = 0;
            for (int c = Math.Max(0, b - reach); c < Math.Min(m, b + reach + 1); c++)
                if (ok[c]) { double w = Math.Exp(-0.5 * (c - b) * (c - b) / (s * s)); num += w * profile[c]; den += w; }
            detrended[b] = profile[b] - num / den;
        }
        double zero = detrended.Sum(v => v * v);
        if (zero <= 0) return (0, 0);
        double peak = double.NegativeInfinity, lagMm = 0;
        for (int lag = (int)Math.Ceiling(22 / binMm); lag <= (int)Math.Floor(45 / binMm) && lag < m; lag++)
        {
            double acc = 0;
            for (int b = 0; b + lag < m; b++) acc += detrended[b] * detrended[b + lag];
            if (acc / zero > peak) { peak = acc / zero; lagMm = lag * binMm; }
        }
        return (double.IsFinite(peak) ? peak : 0, lagMm);
    }

    private static RoiProposal Build(MultiEchoSeries series, int sliceIndex, RoiProposalOptions o, List<ProposedRoi> proposed, List<RoiNotFound> notFound,
        double sigma, List<RoiPoint> centres, double liverRadiusPx, double? medianR2, List<string> warnings, MaskRoi? parenchyma)
    {
        var rois = proposed.Select(p => p.Roi).ToList();
        if (parenchyma is not null && proposed.Any(p => p.Roi.Role == RoiRole.Liver)) rois.Add(parenchyma);
        var slice = series.Slices[sliceIndex];
        string description = FormattableString.Invariant($"Proposed by IronNotebooks RoiProposer on slice {sliceIndex} ({slice.SliceLocationMm:0.##} mm) of '{series.Description}': ")
            + string.Join("; ", proposed.Select(p => FormattableString.Invariant($"{p.Roi.Name} confidence {p.Confidence:0.##}")))
            + (notFound.Count > 0 ? "; not found: " + string.Join("; ", notFound.Select(m => $"{m.Name} ({m.Reason})")) : "");
        return new RoiProposal
        {
            RoiSet = new RoiSet(description, ReferenceImageOf(series, sliceIndex), rois),
            SliceIndex = sliceIndex,
            Proposed = proposed,
            NotFound = notFound,
            NoiseSigma = sigma,
            ValidLiverDiscCentres = centres,
            LiverDiscRadiusPixels = liverRadiusPx,
            ParenchymaMedianR2StarPerSecond = medianR2,
            Source = series.Source,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Smooth bias-field estimate by normalized convolution: Gaussian-weighted mean of the pixels in <paramref name="mask"/>
    /// (three box passes per axis approximate the Gaussian of SD <paramref name="sigmaX"/>, <paramref name="sigmaY"/> pixels);
    /// 0 where no mask pixel is near.
    /// </summary>
    private static double[] NormalizedSmooth(float[] img, bool[] mask, int rows, int cols, double sigmaX, double sigmaY)
    {
        int n = rows * cols;
        var num = new double[n];
        var den = new double[n];
        for (int i = 0; i < n; i++)
            if (mask[i]) { num[i] = img[i]; den[i] = 1; }
        foreach (var plane in new[] { num, den })
            for (int pass = 0; pass < 3; pass++)
            {
                BoxAlong(plane, rows, cols, BoxHalfWidth(sigmaX), horizontal: true);
                BoxAlong(plane, rows, cols, BoxHalfWidth(sigmaY), horizontal: false);
            }
        var result = new double[n];
        for (int i = 0; i < n; i++) result[i] = den[i] > 1e-3 ? num[i] / den[i] : 0;
        return result;
    }

    /// <summary>Half width r of a box (2r + 1 pixels) whose three passes have the variance of a Gaussian of SD sigma: 3·((2r+1)² − 1)/12 = σ².</summary>
    private static int BoxHalfWidth(double sigma) => Math.Max(1, (int)Math.Round((Math.Sqrt(4 * sigma * sigma + 1) - 1) / 2));

    private static void BoxAlong(double[] plane, int rows, int cols, int half, bool horizontal)
    {
        int lines = horizontal ? rows : cols, length = horizontal ? cols : rows;
        var line = new double[length];
        var prefix = new double[length + 1];
        for (int l = 0; l < lines; l++)
        {
            for (int k = 0; k < length; k++) line[k] = plane[horizontal ? l * cols + k : k * cols + l];
            for (int k = 0; k < length; k++) prefix[k + 1] = prefix[k] + line[k];
            for (int k = 0; k < length; k++)
            {
                // Zero outside the image, divided by the full box: the normalized convolution divides the edge loss out.
                double sum = prefix[Math.Min(length, k + half + 1)] - prefix[Math.Max(0, k - half)];
                plane[horizontal ? l * cols + k : k * cols + l] = sum / (2 * half + 1);
            }
        }
    }

    private static double DistanceMm(int a, int b, int cols, double dx, double dy)
    {
        double ex = (a % cols - b % cols) * dx, ey = (a / cols - b / cols) * dy;
        return Math.Sqrt(ex * ex + ey * ey);
    }

    private static Vector3Mm Centroid(bool[] mask, ImageGeometry g)
    {
        double x = 0, y = 0;
        int count = 0;
        for (int i = 0; i < mask.Length; i++)
            if (mask[i]) { x += i % g.Columns; y += i / g.Columns; count++; }
        return g.PixelToPatient(x / count, y / count);
    }

    /// <summary>σ from the corner block (8 % of each side) with the lowest median: Rayleigh median = σ·√(2 ln 2).</summary>
    private static double CornerNoise(float[] img, int rows, int cols)
    {
        int h = Math.Max(4, rows / 12), w = Math.Max(4, cols / 12);
        double best = double.PositiveInfinity;
        foreach (var (y0, x0) in new[] { (0, 0), (0, cols - w), (rows - h, 0), (rows - h, cols - w) })
        {
            var values = new List<double>(h * w);
            for (int y = y0; y < y0 + h; y++)
                for (int x = x0; x < x0 + w; x++) values.Add(img[y * cols + x]);
            best = Math.Min(best, Median(values));
        }
        if (best <= 0) best = img.Where(v => v > 0).DefaultIfEmpty(1f).Min();
        return best / 1.1774100;
    }

    private static bool[] BorderConnected(float[] img, int rows, int cols, double threshold)
    {
        var result = new bool[rows * cols];
        var stack = new Stack<int>();
        void Push(int i)
        {
            if (!result[i] && img[i] < threshold) { result[i] = true; stack.Push(i); }
        }
        for (int x = 0; x < cols; x++) { Push(x); Push((rows - 1) * cols + x); }
        for (int y = 0; y < rows; y++) { Push(y * cols); Push(y * cols + cols - 1); }
        while (stack.Count > 0)
        {
            int i = stack.Pop(), x = i % cols, y = i / cols;
            if (x > 0) Push(i - 1);
            if (x < cols - 1) Push(i + 1);
            if (y > 0) Push(i - cols);
            if (y < rows - 1) Push(i + cols);
        }
        return result;
    }

    private static int[] Label(bool[] mask, int rows, int cols, out int count)
    {
        var labels = new int[rows * cols];
        count = 0;
        var stack = new Stack<int>();
        for (int s = 0; s < mask.Length; s++)
        {
            if (!mask[s] || labels[s] != 0) continue;
            count++;
            labels[s] = count;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % cols, y = i / cols;
                foreach (int j in new[] { x > 0 ? i - 1 : -1, x < cols - 1 ? i + 1 : -1, y > 0 ? i - cols : -1, y < rows - 1 ? i + cols : -1 })
                    if (j >= 0 && mask[j] && labels[j] == 0) { labels[j] = count; stack.Push(j); }
            }
        }
        return labels;
    }

    private static bool[] LargestComponent(bool[] mask, int rows, int cols)
    {
        var labels = Label(mask, rows, cols, out int count);
        if (count == 0) return mask;
        var sizes = new int[count + 1];
        foreach (int l in labels) sizes[l]++;
        sizes[0] = 0;
        int largest = Array.IndexOf(sizes, sizes.Max());
        return labels.Select(l => l == largest).ToArray();
    }

    private static (float[] Mean, float[] Sd) LocalMeanSd(float[] img, int rows, int cols, int window)
    {
        int half = window / 2;
        var s1 = new double[(rows + 1) * (cols + 1)];
        var s2 = new double[(rows + 1) * (cols + 1)];
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < cols; x++)
            {
                double v = img[y * cols + x];
                int k = (y + 1) * (cols + 1) + x + 1;
                s1[k] = v + s1[k - 1] + s1[k - cols - 1] - s1[k - cols - 2];
                s2[k] = v * v + s2[k - 1] + s2[k - cols - 1] - s2[k - cols - 2];
            }
        var mean = new float[rows * cols];
        var sd = new float[rows * cols];
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < cols; x++)
            {
                int y0 = Math.Max(0, y - half), y1 = Math.Min(rows, y + half + 1), x0 = Math.Max(0, x - half), x1 = Math.Min(cols, x + half + 1);
                double c = (y1 - y0) * (x1 - x0);
                double a = s1[y1 * (cols + 1) + x1] - s1[y0 * (cols + 1) + x1] - s1[y1 * (cols + 1) + x0] + s1[y0 * (cols + 1) + x0];
                double b = s2[y1 * (cols + 1) + x1] - s2[y0 * (cols + 1) + x1] - s2[y1 * (cols + 1) + x0] + s2[y0 * (cols + 1) + x0];
                double m = a / c;
                mean[y * cols + x] = (float)m;
                sd[y * cols + x] = (float)Math.Sqrt(Math.Max(0, b / c - m * m) * c / Math.Max(1, c - 1));
            }
        return (mean, sd);
    }

    /// <summary>Per-pixel R2* by log-linear least squares weighted by S², on the echoes at or above 3σ (at least 3), s⁻¹; NaN elsewhere.</summary>
    private static double[] PixelR2Star(MultiEchoSlice slice, bool[] body, IReadOnlyList<double> teMs, double sigma)
    {
        int n = body.Length, m = teMs.Count;
        var r2 = new double[n];
        Array.Fill(r2, double.NaN);
        if (m < 3) return r2;
        var planes = slice.Echoes.Select(e => e.Pixels.ToArray()).ToArray();
        var t = teMs.Select(v => v / 1000).ToArray();
        for (int i = 0; i < n; i++)
        {
            if (!body[i]) continue;
            double sw = 0, st = 0, sl = 0, stt = 0, stl = 0;
            int used = 0;
            for (int e = 0; e < m; e++)
            {
                double s = planes[e][i];
                if (s < 3 * sigma) break;
                double w = s * s, l = Math.Log(s);
                sw += w; st += w * t[e]; sl += w * l; stt += w * t[e] * t[e]; stl += w * t[e] * l;
                used++;
            }
            if (used < 3) continue;
            double det = sw * stt - st * st;
            if (det <= 0) continue;
            r2[i] = -(sw * stl - st * sl) / det;
        }
        return r2;
    }

    private static double Percentile75(double[] values)
    {
        var a = (double[])values.Clone();
        Array.Sort(a);
        return a[(int)Math.Floor(0.75 * (a.Length - 1))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.ToArray();
        if (a.Length == 0) return double.NaN;
        Array.Sort(a);
        return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]);
    }

    /// <summary>
    /// The ROI set's reference image: the first echo's file of the proposed slice when that file holds one image (classic
    /// DICOM), so that `exam measure`, the ROI editor and SEG export find the slice through its geometry; otherwise
    /// (NIfTI, multi-frame files) "SOURCE slice K", which names the slice for a reader but is not a file.
    /// </summary>
    private static string ReferenceImageOf(MultiEchoSeries series, int sliceIndex)
    {
        static string FileOf(string planeSource) => planeSource.LastIndexOf('#') is var i and >= 0 ? planeSource[..i] : planeSource;
        string source = series.Slices[sliceIndex].Echoes[0].Source;
        string file = FileOf(source);
        bool singleImageFile = source.Contains('#', StringComparison.Ordinal) && !source.Contains("#k=", StringComparison.Ordinal) && File.Exists(file)
            && series.Slices.SelectMany(s => s.Echoes).Count(p => FileOf(p.Source) == file) == 1;
        return singleImageFile ? Path.GetFullPath(file) : string.Create(CultureInfo.InvariantCulture, $"{series.Source} slice {sliceIndex}");
    }
}
