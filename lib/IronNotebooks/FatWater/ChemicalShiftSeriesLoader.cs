using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Imaging;

namespace IronNotebooks.FatWater;

/// <summary>
/// Finds and loads the phase of a chemical-shift-encoded magnitude series so that the complex fat–water fit can run
/// (docs/methods.md §6). Magnitude and phase are told apart by Image Type / Frame Type / Complex Image Component and GE's
/// Raw Data Type (<see cref="ImageComponentClassifier"/>). Phase values become radians by the vendor's convention
/// (<see cref="PhaseRadiansPerUnit"/>).
/// </summary>
public static class ChemicalShiftSeriesLoader
{
    /// <summary>
    /// The phase source of <paramref name="magnitude"/>: phase frames in the same series (Philips), else real and imaginary
    /// frames in it (GE), else a phase series of the same study with the same TR, flip angle and Frame of Reference UID
    /// (Siemens; the nearest series number when several). A phase series of the same TR and flip angle with another
    /// frame of reference is listed in <see cref="PhasePairing.Rejected"/>, not used.
    /// </summary>
    public static PhasePairing FindPhase(ImageCatalog catalog, CatalogSeries magnitude)
    {
        Guard.NotNull(catalog);
        Guard.NotNull(magnitude);
        var components = magnitude.Acquisitions.Select(a => a.Component).ToHashSet();
        if (components.Contains(ImageComponent.Phase))
            return new PhasePairing { Magnitude = magnitude, Kind = PhaseSourceKind.SameSeriesPhase, Phase = magnitude, Rejected = [],
                Reason = $"phase frames in the same series ({Label(magnitude)}, Image Type {magnitude.Acquisitions.First(a => a.Component == ImageComponent.Phase).ImageType})" };
        if (components.Contains(ImageComponent.Real) && components.Contains(ImageComponent.Imaginary))
            return new PhasePairing { Magnitude = magnitude, Kind = PhaseSourceKind.SameSeriesRealImaginary, Phase = magnitude, Rejected = [],
                Reason = $"real and imaginary frames in the same series ({Label(magnitude)})" };

        var study = catalog.Studies.FirstOrDefault(st => st.Series.Any(s => s.SeriesInstanceUid == magnitude.SeriesInstanceUid));
        var sameAcquisition = (study?.Series ?? []).Where(s => s.SeriesInstanceUid != magnitude.SeriesInstanceUid
                && s.Acquisitions.Any(a => a.Component == ImageComponent.Phase)
                && Near(s.RepetitionTimeMs, magnitude.RepetitionTimeMs) && Near(s.FlipAngleDeg, magnitude.FlipAngleDeg)).ToList();
        string? frame = FrameOfReference(magnitude);
        var rejected = new List<string>();
        var candidates = new List<CatalogSeries>();
        foreach (var s in sameAcquisition)
        {
            string? other = FrameOfReference(s);
            if (frame is not null && other is not null && frame != other) rejected.Add($"{Label(s)}: same TR and flip angle but another Frame of Reference UID ({other} vs {frame})");
            else candidates.Add(s);
        }
        if (candidates.Count == 0)
            return new PhasePairing { Magnitude = magnitude, Kind = PhaseSourceKind.None, Rejected = rejected,
                Reason = $"no phase, real or imaginary images of this acquisition (same series, or a series of the same study with its TR, flip angle and frame of reference) next to {Label(magnitude)}" };
        var chosen = candidates.OrderBy(s => Math.Abs((s.SeriesNumber ?? int.MaxValue / 2) - (magnitude.SeriesNumber ?? 0))).First();
        rejected.AddRange(candidates.Where(c => c != chosen).Select(c => $"{Label(c)}: also a phase series of this acquisition; the one with the nearest series number was used"));
        return new PhasePairing { Magnitude = magnitude, Kind = PhaseSourceKind.OtherSeriesPhase, Phase = chosen, Rejected = rejected,
            Reason = $"phase images in {Label(chosen)}, a separate series of the same acquisition (same study, TR, flip angle{(frame is null ? "" : ", Frame of Reference UID")})" };
    }

    /// <summary>
    /// Loads the magnitude series and, when <see cref="FindPhase"/> finds one, its phase (radians) as a
    /// <see cref="ChemicalShiftSeries"/>; real and imaginary frames become phase by atan2.
    /// </summary>
    /// <exception cref="ImagingException">Phase images that do not match the magnitude series (echo times, echo count,
    /// matrix, slices), naming both series; phase scaling that follows no known convention; unreadable frames.</exception>
    public static (ChemicalShiftSeries Series, PhasePairing Pairing) Load(ImageCatalog catalog, CatalogSeries magnitude)
    {
        var pairing = FindPhase(catalog, magnitude);
        var mag = MultiEchoSeries.FromCatalog(catalog, magnitude);
        switch (pairing.Kind)
        {
            case PhaseSourceKind.None:
                return (ChemicalShiftSeries.FromMagnitude(mag), pairing);
            case PhaseSourceKind.SameSeriesRealImaginary:
            {
                var re = MultiEchoSeries.FromCatalog([magnitude], ImageComponent.Real);
                var im = MultiEchoSeries.FromCatalog([magnitude], ImageComponent.Imaginary);
                var phase = PhaseFromRealImaginary(re, im, Label(magnitude));
                return (ChemicalShiftSeries.FromMagnitudeAndPhase(mag, phase), pairing);
            }
            default:
            {
                var source = pairing.Phase!;
                var phase = MultiEchoSeries.FromCatalog([source], ImageComponent.Phase);
                var first = source.Acquisitions.First(a => a.Component == ImageComponent.Phase).FrameReferences[0];
                double perUnit = PhaseRadiansPerUnit(first.Info, source.Manufacturer, first.Path);
                return (ChemicalShiftSeries.FromMagnitudeAndPhase(mag, phase, perUnit), pairing);
            }
        }
    }

    /// <summary>
    /// Radians per rescaled phase unit by the vendor conventions: Rescale Type (0028,1054) "mrad" (Philips: −3142…3142
    /// mrad) → 0.001; "rad"/"radians" → 1; "deg"/"degrees" → π/180; otherwise Rescale Intercept −4096 with slope 2 or 1
    /// (Siemens: 12-bit 0…4095 → −4096…4094 ↔ −π…π, the convention dcm2niix also assumes) → π/4096; otherwise Rescale
    /// Intercept −3142 (−1000π: Philips' mrad scaling, which enhanced exports label US) → 0.001.
    /// </summary>
    /// <exception cref="ImagingException">None of these: the phase cannot be turned into radians without guessing.</exception>
    public static double PhaseRadiansPerUnit(DicomFrameInfo info, string? manufacturer, string path)
    {
        Guard.NotNull(info);
        string type = (info.RescaleType ?? "").Trim().ToLowerInvariant();
        if (type == "mrad") return 1e-3;
        if (type is "rad" or "radians") return 1;
        if (type is "deg" or "degrees") return Math.PI / 180;
        if (info.RescaleIntercept == -4096 && (info.RescaleSlope == 2 || info.RescaleSlope == 1)) return Math.PI / 4096;
        // Philips enhanced exports carry Rescale Type US in the Pixel Value Transformation but the same −3142 (= −1000π) mrad intercept.
        if (Math.Abs(info.RescaleIntercept + 1000 * Math.PI) < 0.5) return 1e-3;
        throw new ImagingException(string.Create(CultureInfo.InvariantCulture,
            $"Phase scaling not recognised (Rescale Slope {info.RescaleSlope}, Rescale Intercept {info.RescaleIntercept}, Rescale Type '{info.RescaleType}', manufacturer '{manufacturer}'): known conventions are Rescale Type mrad/rad/deg and the Siemens 12-bit phase (intercept −4096, slope 2)"),
            new ErrorContext { FilePath = path, Tag = "(0028,1054) RescaleType" });
    }

    private static MultiEchoSeries PhaseFromRealImaginary(MultiEchoSeries re, MultiEchoSeries im, string label)
    {
        if (!re.EchoTimesMs.SequenceEqual(im.EchoTimesMs) || re.Slices.Count != im.Slices.Count)
            throw new ImagingException($"The real and imaginary images of {label} do not share echo times and slices.", label);
        var slices = new List<MultiEchoSlice>();
        for (int k = 0; k < re.Slices.Count; k++)
        {
            var r = re.Slices[k];
            var planes = new ImagePlane[r.Echoes.Count];
            for (int e = 0; e < planes.Length; e++)
            {
                var real = r.Echoes[e].Pixels;
                var imaginary = im.Slices[k].Echoes[e].Pixels;
                var phase = new float[real.Length];
                for (int i = 0; i < phase.Length; i++) phase[i] = MathF.Atan2(imaginary[i], real[i]);
                planes[e] = new ImagePlane(phase, r.Echoes[e].Geometry, r.Echoes[e].EchoTimeMs, r.Echoes[e].Source);
            }
            slices.Add(r with { Echoes = planes });
        }
        return MultiEchoSeries.FromPlanes(re.Description + " (phase from real and imaginary)", re.EchoTimesMs, slices, re.FieldStrengthT, re.Source);
    }

    private static bool Near(double? a, double? b) => a is null || b is null || Math.Abs(a.Value - b.Value) <= 1e-3 * Math.Max(1, Math.Abs(a.Value));

    private static string? FrameOfReference(CatalogSeries s)
    {
        var path = s.Acquisitions.SelectMany(a => a.FrameReferences).Select(f => f.Path).FirstOrDefault();
        if (path is null) return null;
        try
        {
            return DicomFile.Open(path).Dataset.TryGetString(DicomTags.FrameOfReferenceUID, out var uid) ? uid : null;
        }
        catch (DicomException)
        {
            return null;
        }
    }

    private static string Label(CatalogSeries s) => $"series {s.SeriesNumber} '{s.SeriesDescription}'";
}
