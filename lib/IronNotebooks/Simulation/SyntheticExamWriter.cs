using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Simulation;

/// <summary>
/// Writes synthetic exams as a scanner would deliver them: one DICOM series per sequence (classic MR files through the
/// project's <see cref="MrImageWriter"/>; multi-echo series optionally as one Enhanced MR file), plus rois.json (the
/// ground-truth ROI set) and truth.json (the <see cref="SimulatedExam"/>). Deterministic: UIDs are derived from the
/// seed (<see cref="DeterministicUid"/>), dates are fixed and the noise comes from <see cref="SeededRandom"/>, so the
/// same seed, options and patient give byte-identical files.
/// Layout: FOLDER/NN_LABEL/IM00001.dcm …, FOLDER/rois.json, FOLDER/truth.json.
/// </summary>
public static class SyntheticExamWriter
{
    /// <summary>Name of the ROI set file in every exam folder.</summary>
    public const string RoiSetFileName = "rois.json";

    /// <summary>Name of the truth file in every exam folder.</summary>
    public const string TruthFileName = "truth.json";

    /// <summary>Name of the ground-truth tissue map written beside a varied-anatomy exam: a binary PGM (P5, 8-bit, rows ×
    /// columns of the slice, row 0 at the top) whose values are <see cref="Tissue"/> labels.</summary>
    public const string TissueMapFileName = "tissue-map.pgm";

    /// <summary>Reads a tissue map written beside a varied-anatomy exam.</summary>
    /// <exception cref="FormatException">Not an 8-bit binary PGM.</exception>
    public static (int Rows, int Columns, Tissue[] Labels) ReadTissueMap(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(64, bytes.Length)).Split((char[])[' ', '\n'], 5, StringSplitOptions.RemoveEmptyEntries);
        if (header.Length < 4 || header[0] != "P5" || header[3] != "255") throw new FormatException($"'{path}' is not an 8-bit binary PGM tissue map.");
        int columns = int.Parse(header[1], CultureInfo.InvariantCulture), rows = int.Parse(header[2], CultureInfo.InvariantCulture);
        int offset = bytes.Length - rows * columns;
        if (offset <= 0) throw new FormatException($"'{path}': {bytes.Length} bytes cannot hold {rows}×{columns} labels.");
        return (rows, columns, [.. bytes.Skip(offset).Select(b => (Tissue)b)]);
    }

    private static void WriteTissueMap(VirtualAnatomy anatomy, string path)
    {
        var g = anatomy.Geometry;
        var header = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{g.Columns} {g.Rows}\n255\n"));
        var data = new byte[header.Length + g.Rows * g.Columns];
        header.CopyTo(data, 0);
        for (int i = 0; i < g.Rows * g.Columns; i++) data[header.Length + i] = (byte)anatomy.Labels[i];
        File.WriteAllBytes(path, data);
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The default phantom: six vials copying livers of 1, 2, 4, 8, 16 and 30 mg/g (wood2005 R2*, St Pierre R2) at the field.</summary>
    public static IReadOnlyList<IronPhantomVial> DefaultVials(double fieldT)
    {
        double t1 = TissueParameters.T1At(TissueParameters.Entry(Tissue.PhantomVial), fieldT);
        return [.. new[] { 1.0, 2, 4, 8, 16, 30 }.Select((mg, i) =>
        {
            var liver = LiverIronModel.FromLic(LiverIronConcentration.FromMgPerGram(mg), fieldT);
            return new IronPhantomVial($"vial-{i + 1}", liver.R2StarPerSecond, liver.R2PerSecond, t1, mg);
        })];
    }

    /// <summary>Writes one virtual patient's exam with the series of every protocol in <paramref name="protocols"/> (duplicates written once).</summary>
    /// <exception cref="ArgumentException">A protocol not available at the field, or bad patient or option values.</exception>
    public static SimulatedExam WritePatient(VirtualPatient patient, IReadOnlyList<SynthProtocol> protocols, string folder, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(protocols);
        options ??= SimulationOptions.Default;
        Validate(options);
        if (protocols.Count == 0) throw new ArgumentException("Give at least one protocol.", nameof(protocols));
        if (protocols.Contains(SynthProtocol.Phantom)) throw new ArgumentException("The phantom is not a patient protocol; use WritePhantom.", nameof(protocols));
        Guard.InRange(patient.LiverFatFraction, 0, 0.5);
        double field = options.FieldStrengthT;
        var liver = LiverIronModel.FromLic(patient.Lic, field, patient.R2StarCalibration);
        var anatomyOptions = options.Anatomy ?? new AnatomyOptions();
        var anatomy = VirtualAnatomy.Abdomen(anatomyOptions);
        var tissues = Enum.GetValues<Tissue>().Where(t => t is not (Tissue.PhantomVial or Tissue.PhantomWater))
            .ToDictionary(t => t, t => TissueParameters.At(t, field));
        tissues[Tissue.Liver] = tissues[Tissue.Liver] with
        {
            R2PerSecond = liver.R2PerSecond, R2StarPerSecond = liver.R2StarPerSecond, FatFraction = patient.LiverFatFraction,
            Status = liver.R2StarStatus == ValueStatus.Published ? ValueStatus.Assumed : ValueStatus.Reconstruction,
            Source = $"PD and T1: {tissues[Tissue.Liver].Source}; R2* from LIC by inverting {liver.R2StarCalibration} ({liver.R2StarRule}); R2 from {liver.R2Calibration}",
        };
        // An iron-keeping lesion (EMH-like) is isointense: it takes the liver's relaxation after the LIC model, iron included.
        tissues[Tissue.IronKeepingLesion] = tissues[Tissue.Liver] with
        {
            Tissue = Tissue.IronKeepingLesion,
            Source = "iron-keeping lesion (extramedullary-hematopoiesis-like, docs/methods.md §5): the liver's relaxation, iron included — " + tissues[Tissue.Liver].Source,
        };
        var warnings = new List<string>(liver.Warnings);
        if (patient.HeartT2StarMs1p5T is double heartT2Star)
        {
            Guard.InRange(heartT2Star, 1, 100);
            var septum = tissues[Tissue.HeartSeptum];
            var r2Prime = Math.Max(0, 1000 / heartT2Star - 1000 / TissueParameters.Entry(Tissue.HeartSeptum).T2Ms1p5T);
            double r2Star = Math.Abs(field - 3) < 0.05
                ? FieldStrengthScalings.Storey2007Heart.ToHighField(1000 / heartT2Star)
                : septum.R2PerSecond + r2Prime * field / 1.5;
            tissues[Tissue.HeartSeptum] = septum with { R2StarPerSecond = Math.Max(r2Star, septum.R2PerSecond), Source = septum.Source + "; R2* from the patient's 1.5 T septum T2*" + (Math.Abs(field - 3) < 0.05 ? " via storey2007-heart" : Math.Abs(field - 1.5) < 0.05 ? "" : " (R2′ ∝ B0 reconstruction)") };
        }
        var acquisitions = Deduplicate(protocols.SelectMany(p => SynthProtocols.For(p, field)));
        return Write(patient.Id, [.. protocols.Select(ProtocolName)], anatomy, tissues, acquisitions, folder, options, liver, patient, warnings);
    }

    /// <summary>Writes the iron phantom (multi-echo GRE and SE) with <paramref name="vials"/> (default <see cref="DefaultVials"/>).</summary>
    public static SimulatedExam WritePhantom(string folder, SimulationOptions? options = null, IReadOnlyList<IronPhantomVial>? vials = null, string id = "SYN-PHANTOM")
    {
        options ??= SimulationOptions.Default;
        Validate(options);
        vials ??= DefaultVials(options.FieldStrengthT);
        var anatomy = VirtualAnatomy.Phantom(vials, options.Anatomy);
        var tissues = new Dictionary<Tissue, TissueRelaxation>
        {
            [Tissue.Air] = TissueParameters.At(Tissue.Air, options.FieldStrengthT),
            [Tissue.PhantomWater] = TissueParameters.At(Tissue.PhantomWater, options.FieldStrengthT),
        };
        return Write(id, [ProtocolName(SynthProtocol.Phantom)], anatomy, tissues, SynthProtocols.For(SynthProtocol.Phantom, options.FieldStrengthT), folder, options,
            null, null, ["Vials are defined by their relaxation rates (liver-equivalent where an LIC is given), not by an iron salt concentration: FeCl3 relaxivities are not in the project's sources."]);
    }

    /// <summary>The protocol's name as the CLI and manifests spell it.</summary>
    public static string ProtocolName(SynthProtocol protocol) => protocol switch
    {
        SynthProtocol.Rennes => "rennes",
        SynthProtocol.Lille => "lille",
        SynthProtocol.TwoSequence => "two-sequence",
        SynthProtocol.MultiEchoGre => "multi-echo-gre",
        SynthProtocol.MultiEchoSe => "multi-echo-se",
        SynthProtocol.Phantom => "phantom",
        SynthProtocol.ChemicalShift => "chemical-shift",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown protocol."),
    };

    private static SimulatedExam Write(string id, IReadOnlyList<string> protocolNames, VirtualAnatomy anatomy, Dictionary<Tissue, TissueRelaxation> tissues,
        IReadOnlyList<SimulatedAcquisition> acquisitions, string folder, SimulationOptions options, LiverRelaxationTruth? liver, VirtualPatient? patient,
        List<string> warnings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var scaling = options.Scaling ?? VendorScalings.Rescaled16Bit;
        Directory.CreateDirectory(folder);
        string studyUid = DeterministicUid.Create(options.Seed, id + "/study");
        string frameUid = DeterministicUid.Create(options.Seed, id + "/frame-of-reference");
        double fatT1 = TissueParameters.At(Tissue.SubcutaneousFat, options.FieldStrengthT).T1Ms;
        var g = anatomy.Geometry;
        int n = g.Rows * g.Columns;
        var shading = anatomy.CoilProfile(options.CoilShading);
        var written = new List<SimulatedSeries>();
        int lastSeriesNumber = 0;
        for (int k = 0; k < acquisitions.Count; k++)
        {
            var a = acquisitions[k];
            // Series numbers run on: a chemical-shift series takes two (magnitude, then phase); other exams keep k + 1.
            int seriesNumber = ++lastSeriesNumber;
            string label = a.Label;
            string seriesFolder = string.Create(CultureInfo.InvariantCulture, $"{seriesNumber:D2}_{label.Replace("+", "plus", StringComparison.Ordinal)}");
            var reference = anatomy.Vials.Count > 0 ? tissues[Tissue.PhantomWater] : tissues[Tissue.Muscle];
            double sigma = options.Snr > 0 ? Signal(a, 0, reference, fatT1) / options.Snr : 0;
            var rng = SeededRandom.Derive(options.Seed, $"{id}/series/{seriesNumber}/{label}/noise");
            double[][] noiseless, noisy;
            ChemicalShiftImages? complexImages = null;
            if (a.Kind == AcquisitionKind.ChemicalShiftGradientEcho)
            {
                complexImages = ChemicalShiftImages.Simulate(id, a, anatomy, tissues, shading, options, fatT1, sigma, rng);
                (noiseless, noisy) = (complexImages.NoiselessMagnitude, complexImages.NoisyMagnitude);
                lastSeriesNumber++;
            }
            else
            {
            // Noiseless signal per echo: one value per tissue (and vial), times the coil profile.
            noiseless = new double[a.EchoTimesMs.Count][];
            for (int e = 0; e < a.EchoTimesMs.Count; e++)
            {
                var perTissue = tissues.ToDictionary(t => t.Key, t => Signal(a, e, t.Value, fatT1));
                var perVial = anatomy.Vials.Select(v => Signal(a, e, VialTissue(v, options.FieldStrengthT), fatT1)).ToArray();
                var image = new double[n];
                for (int i = 0; i < n; i++)
                {
                    var t = anatomy.Labels[i];
                    double s = t == Tissue.PhantomVial ? perVial[anatomy.VialIndex[i]] : perTissue[t];
                    image[i] = s * shading[i];
                }
                noiseless[e] = anatomy.BlurForBreathing(image);
            }
            noisy = noiseless.Select(img => img.Select(v => sigma > 0 ? SignalEquations.RicianMagnitude(v, sigma, rng) : v).ToArray()).ToArray();
            }

            // Per-series scaling to stored integers, as scanners scale each series on its own.
            double max = noisy.Max(img => img.Max());
            double target = scaling.TargetFraction * ((1 << scaling.BitsStored) - 1);
            double gain = max > 0 ? target / max : 1;
            double slope = scaling.WritesRescale ? RoundUpSignificant(1 / gain, 4) : 1;
            double storedPerSignal = scaling.WritesRescale ? 1 / slope : gain;
            double writtenSlope = double.Parse(DicomNumberFormat.FormatDS(slope), CultureInfo.InvariantCulture);
            int maxStored = (1 << scaling.BitsStored) - 1;
            double toRescaled = storedPerSignal * writtenSlope;

            string seriesUid = DeterministicUid.Create(options.Seed, $"{id}/series/{seriesNumber}");
            var frames = new List<MrFrame>();
            var roiSignals = anatomy.Rois.Rois.Select(r => (Roi: r, Mean: new List<double>(), Noiseless: new List<double>(), Pixels: 0)).ToList();
            for (int e = 0; e < noisy.Length; e++)
            {
                var stored = new ushort[n];
                var rescaled = new float[n];
                var clean = new float[n];
                for (int i = 0; i < n; i++)
                {
                    stored[i] = (ushort)Math.Min(maxStored, Math.Round(noisy[e][i] * storedPerSignal, MidpointRounding.AwayFromZero));
                    rescaled[i] = (float)(stored[i] * writtenSlope);
                    clean[i] = (float)(noiseless[e][i] * toRescaled);
                }
                frames.Add(new MrFrame(a.EchoTimesMs[e], [g.OriginMm.X, g.OriginMm.Y, g.OriginMm.Z], stored, e + 1));
                var plane = new ImagePlane(rescaled, g, a.EchoTimesMs[e], seriesFolder);
                var cleanPlane = new ImagePlane(clean, g, a.EchoTimesMs[e], seriesFolder + " (noiseless)");
                for (int r = 0; r < roiSignals.Count; r++)
                {
                    var stats = RoiMeasurement.Measure(plane, roiSignals[r].Roi);
                    roiSignals[r].Mean.Add(stats.Mean);
                    roiSignals[r].Noiseless.Add(RoiMeasurement.Measure(cleanPlane, roiSignals[r].Roi).Mean);
                    roiSignals[r] = roiSignals[r] with { Pixels = stats.PixelCount };
                }
            }
            var series = new MrImageSeries
            {
                Rows = g.Rows, Columns = g.Columns, PixelSpacingMm = [g.RowSpacingMm, g.ColumnSpacingMm], SliceThicknessMm = g.SliceThicknessMm,
                RepetitionTimeMs = a.RepetitionTimeMs, FlipAngleDeg = a.FlipAngleDeg, MagneticFieldStrengthT = options.FieldStrengthT, Frames = frames,
                BitsStored = scaling.BitsStored, RescaleSlope = writtenSlope, Manufacturer = "IronNotebooks (synthetic)", PatientId = id,
                PatientName = "Synthetic^" + id, StudyInstanceUid = studyUid, SeriesInstanceUid = seriesUid, FrameOfReferenceUid = frameUid,
                SeriesNumber = seriesNumber, StudyDate = options.StudyDate, ImageType = ["ORIGINAL", "PRIMARY", "M", "ND"],
                SeriesDescription = string.Create(CultureInfo.InvariantCulture,
                    $"SYNTHETIC {label} {(a.Kind == AcquisitionKind.SpinEcho ? "SE" : "GRE")} TR{a.RepetitionTimeMs:0.##} TE{a.EchoTimesMs[0]:0.##}{(a.EchoTimesMs.Count > 1 ? "x" + a.EchoTimesMs.Count : "")} FA{a.FlipAngleDeg:0.#}"),
            };
            var files = WriteSeries(series, a, label, id, Path.Combine(folder, seriesFolder), seriesFolder, options);
            var simulated = new SimulatedSeries(label, a.Kind, seriesNumber, seriesUid, seriesFolder, files, a.RepetitionTimeMs, a.EchoTimesMs, a.FlipAngleDeg,
                writtenSlope, storedPerSignal, sigma * toRescaled,
                [.. roiSignals.Select(r => new RoiSignal(r.Roi.Name, r.Roi.Role, r.Pixels, r.Mean, r.Noiseless))], a.Source);
            if (complexImages is not null)
            {
                // The phase series: same acquisition (echoes, geometry, frame of reference), the next series number, Image Type …\P\…;
                // always classic files (the enhanced writer's Frame Type says M).
                int phaseNumber = seriesNumber + 1;
                string phaseFolder = string.Create(CultureInfo.InvariantCulture, $"{phaseNumber:D2}_{label}_P");
                string phaseUid = DeterministicUid.Create(options.Seed, $"{id}/series/{phaseNumber}");
                var phaseSeries = series with
                {
                    Frames = [.. complexImages.StoredPhase.Select((p, e) => new MrFrame(a.EchoTimesMs[e], [g.OriginMm.X, g.OriginMm.Y, g.OriginMm.Z], p, e + 1))],
                    BitsStored = 12, RescaleSlope = 2, RescaleIntercept = -4096, SeriesNumber = phaseNumber, SeriesInstanceUid = phaseUid,
                    ImageType = ["ORIGINAL", "PRIMARY", "P", "ND"], SeriesDescription = series.SeriesDescription + " phase",
                };
                var phaseFiles = WriteSeries(phaseSeries, a, label, id, Path.Combine(folder, phaseFolder), phaseFolder, options with { EnhancedMultiEcho = false });
                simulated = simulated with { ChemicalShift = complexImages.Truth(anatomy, phaseNumber, phaseUid, phaseFolder, phaseFiles) };
                if (options.EnhancedMultiEcho) warnings.Add("The chemical-shift phase series is written as classic files (one per echo) even with --enhanced.");
            }
            written.Add(simulated);
        }

        var rois = anatomy.Rois with { ReferenceImage = written[0].Files[0] };
        rois.Save(Path.Combine(folder, RoiSetFileName));
        if (anatomy.Variation is not null) WriteTissueMap(anatomy, Path.Combine(folder, TissueMapFileName));
        warnings.Add("Tissue PD, T1 and T2 are typical literature values or assumptions (TissueParameters); the images are a teaching phantom, not a patient.");
        if (acquisitions.Any(a => a.Label == "Lille"))
            warnings.Add("The Lille series is simulated on the exam's slice (matrix, field of view, thickness), not with its published 15 mm slice and 450 mm field of view.");
        if (options.CoilShading != 0) warnings.Add("Coil shading is on: SIR ratios assume a homogeneous body coil (docs/methods.md §2).");
        var exam = new SimulatedExam(id, protocolNames, options.FieldStrengthT, options.Seed, Path.GetFullPath(folder), RoiSetFileName, studyUid,
            liver?.Lic.UmolPerGram, liver?.Lic.MgPerGram, patient?.BiopsyClass ?? (patient is null ? null : patient.LicClass), liver?.R2StarPerSecond,
            liver?.R2PerSecond, liver?.R2StarCalibration, liver?.R2Calibration, liver?.R2StarRule, patient?.LiverFatFraction ?? 0, options.Snr, scaling.Name,
            anatomy.Description, [.. tissues.Values.OrderBy(t => t.Tissue)], anatomy.Vials, written, warnings) { Variation = anatomy.Variation };
        // truth.json names the folder "." so that the file does not depend on where the exam was written.
        File.WriteAllText(Path.Combine(folder, TruthFileName), JsonSerializer.Serialize(exam with { Folder = "." }, Json));
        return exam;
    }

    private static List<string> WriteSeries(MrImageSeries series, SimulatedAcquisition a, string label, string id, string folder, string relative, SimulationOptions options)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        if (options.EnhancedMultiEcho && series.Frames.Count > 1)
        {
            var ds = MrImageWriter.CreateEnhancedDataset(series);
            Decorate(ds, series, a, label, id, options, 1, classic: false);
            DicomWriter.Write(Path.Combine(folder, "IM00001.dcm"), ds);
            files.Add(relative + "/IM00001.dcm");
            return files;
        }
        for (int i = 0; i < series.Frames.Count; i++)
        {
            var ds = MrImageWriter.CreateClassicDataset(series, i);
            Decorate(ds, series, a, label, id, options, i + 1, classic: true);
            string name = string.Create(CultureInfo.InvariantCulture, $"IM{i + 1:D5}.dcm");
            DicomWriter.Write(Path.Combine(folder, name), ds);
            files.Add(relative + "/" + name);
        }
        return files;
    }

    /// <summary>
    /// Deterministic SOP Instance UID and the attributes a scanner's file carries beyond the writer's core set. The
    /// classic-image attributes (scanning sequence, imaging frequency, coil, comments) are left out of Enhanced MR
    /// objects, whose IOD carries them in functional groups instead.
    /// </summary>
    private static void Decorate(DicomDataset ds, MrImageSeries series, SimulatedAcquisition a, string label, string id, SimulationOptions options, int instance,
        bool classic)
    {
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI,
            DeterministicUid.Create(options.Seed, string.Create(CultureInfo.InvariantCulture, $"{id}/series/{series.SeriesNumber}/instance/{instance}")));
        ds.SetString(new DicomTag(0x0008, 0x0021), DicomVR.DA, options.StudyDate); // Series Date
        ds.SetString(new DicomTag(0x0008, 0x0023), DicomVR.DA, options.StudyDate); // Content Date
        ds.SetString(new DicomTag(0x0008, 0x0031), DicomVR.TM, "000000");           // Series Time
        ds.SetString(new DicomTag(0x0008, 0x0033), DicomVR.TM, "000000");           // Content Time
        ds.SetString(new DicomTag(0x0008, 0x0050), DicomVR.SH, "");                 // Accession Number (type 2)
        ds.SetString(new DicomTag(0x0008, 0x0090), DicomVR.PN, "");                 // Referring Physician's Name (type 2)
        ds.SetString(DicomTags.StudyDescription, DicomVR.LO, "SYNTHETIC liver iron exam");
        ds.SetString(DicomTags.ManufacturerModelName, DicomVR.LO, "IronNotebooks virtual scanner");
        ds.SetString(new DicomTag(0x0010, 0x0030), DicomVR.DA, "");                 // Patient's Birth Date (type 2)
        ds.SetString(new DicomTag(0x0010, 0x0040), DicomVR.CS, "O");                // Patient's Sex
        ds.SetString(new DicomTag(0x0018, 0x0015), DicomVR.CS, "ABDOMEN");          // Body Part Examined
        ds.SetString(new DicomTag(0x0018, 0x0023), DicomVR.CS, "2D");                      // MR Acquisition Type
        if (classic)
        {
            bool spinEcho = a.Kind == AcquisitionKind.SpinEcho;
            ds.SetString(new DicomTag(0x0018, 0x0020), DicomVR.CS, spinEcho ? "SE" : "GR");   // Scanning Sequence
            ds.SetString(new DicomTag(0x0018, 0x0021), DicomVR.CS, spinEcho ? "NONE" : "SP"); // Sequence Variant
            ds.SetString(new DicomTag(0x0018, 0x0022), DicomVR.CS, "");                        // Scan Options (type 2)
            ds.SetDecimalString(new DicomTag(0x0018, 0x0084), Math.Round(42.577478 * options.FieldStrengthT, 6)); // Imaging Frequency, MHz
            ds.SetIntegerString(new DicomTag(0x0018, 0x0091), 1);                                  // Echo Train Length (type 2): one k-space line per excitation and image
            ds.SetString(new DicomTag(0x0018, 0x1250), DicomVR.SH, "BODY");                    // Receive Coil Name
            ds.SetIntegerString(DicomTags.AcquisitionNumber, 1);
            ds.SetDecimalString(DicomTags.SliceLocation, 0);
            ds.SetString(new DicomTag(0x0020, 0x4000), DicomVR.LT, "SYNTHETIC IMAGE made by IronNotebooks.Simulation (not a patient). " + a.Source);
        }
        ds.SetString(new DicomTag(0x0018, 0x1030), DicomVR.LO, "SYNTHETIC " + label);     // Protocol Name
        ds.SetString(new DicomTag(0x0018, 0x5100), DicomVR.CS, "FFS");                     // Patient Position
        ds.SetString(new DicomTag(0x0020, 0x0010), DicomVR.SH, "1");                       // Study ID
        ds.SetString(new DicomTag(0x0020, 0x1040), DicomVR.LO, "");                        // Position Reference Indicator (type 2)
    }

    private static double Signal(SimulatedAcquisition a, int echo, TissueRelaxation t, double fatT1) => a.Kind == AcquisitionKind.SpinEcho
        ? SignalEquations.SpinEcho(t, a.RepetitionTimeMs, a.EchoTimesMs[echo], fatT1)
        : SignalEquations.SpoiledGradientEcho(t, a.RepetitionTimeMs, a.EchoTimesMs[echo], a.FlipAngleDeg, fatT1);

    private static TissueRelaxation VialTissue(IronPhantomVial v, double fieldT) =>
        new(Tissue.PhantomVial, fieldT, 1.0, v.T1Ms, v.R2PerSecond, Math.Max(v.R2StarPerSecond, v.R2PerSecond), 0, ValueStatus.Assumed, "vial " + v.Name);

    private static IReadOnlyList<SimulatedAcquisition> Deduplicate(IEnumerable<SimulatedAcquisition> all)
    {
        var result = new List<SimulatedAcquisition>();
        foreach (var a in all)
        {
            if (result.Any(r => r.Label == a.Label && r.RepetitionTimeMs == a.RepetitionTimeMs && r.FlipAngleDeg == a.FlipAngleDeg && r.EchoTimesMs.SequenceEqual(a.EchoTimesMs)))
                continue;
            // Same label, other parameters (two-sequence "T2" is 120/14/20°, Rennes "T2" at 1.5 T is 120/9/20°): keep both, name the second apart.
            result.Add(result.Any(r => r.Label == a.Label) ? a with { Label = a.Label + "-" + (result.Count + 1).ToString(CultureInfo.InvariantCulture) } : a);
        }
        return result;
    }

    private static double RoundUpSignificant(double value, int digits)
    {
        // Rounded up so that stored = signal / slope never exceeds the target range; kept short so the DS text is exact.
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - digits + 1);
        double rounded = Math.Ceiling(value / magnitude) * magnitude;
        return double.Parse(rounded.ToString("G" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static void Validate(SimulationOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        SynthProtocols.CheckField(o.FieldStrengthT);
        Guard.InRange(o.Snr, 0, 100_000);
        Guard.InRange(o.CoilShading, -0.5, 2);
        if (o.StudyDate.Length != 8 || !o.StudyDate.All(char.IsAsciiDigit))
            throw new ArgumentException($"StudyDate must be yyyyMMdd; got '{o.StudyDate}'.", nameof(o));
    }
}
