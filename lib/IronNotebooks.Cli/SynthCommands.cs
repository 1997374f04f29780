using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Simulation;

namespace IronNotebooks.Cli;

/// <summary>
/// `ironnb synth`: writes synthetic virtual-patient studies (DICOM + rois.json + truth.json per exam) and a
/// manifest.json and cohort.csv (the manifest of `ironnb cohort run`, truth as columns), into the cache folder by default (never into the repository).
/// </summary>
public static class SynthCommands
{
    /// <summary>One written series in the manifest.</summary>
    public sealed record SeriesEntry(string Label, string Folder, double RepetitionTimeMs, IReadOnlyList<double> EchoTimesMs, double FlipAngleDeg,
        double NoiseSigma, IReadOnlyList<double> LiverToMuscleRatio, IReadOnlyList<string> Files);

    /// <summary>One exam in the manifest: where it is and its truth.</summary>
    public sealed record ExamEntry(string Id, string Folder, double? LicUmolPerGram, double? LicMgPerGram, string? BiopsyClass,
        double? LiverR2StarPerSecond, double? LiverR2PerSecond, string? R2StarCalibration, string? R2Calibration, string? R2StarRule,
        double LiverFatFraction, string RoiSet, string Truth, IReadOnlyList<SeriesEntry> Series, IReadOnlyList<string> Warnings);

    /// <summary>The manifest (`--json` prints it; manifest.json holds the same with <c>out</c> = ".").</summary>
    public sealed record SynthManifest(string Out, ulong Seed, double FieldStrengthT, IReadOnlyList<string> Protocols, double Snr, int Matrix,
        string? Cohort, string? CohortCitation, string R2StarCalibration, string Scaling, int FileCount, IReadOnlyList<ExamEntry> Exams, IReadOnlyList<string> Warnings);

    private static readonly string[] ProtocolNames = ["rennes", "lille", "two-sequence", "multi-echo-gre", "multi-echo-se", "phantom", "chemical-shift", "all"];

    /// <summary>Builds `synth`.</summary>
    public static Command Build(TextWriter output)
    {
        var outDir = new Option<string?>("--out") { Description = $"Output folder (default ${SynthCache.EnvironmentVariable}/synth or ~/.cache/ironnotebooks/synth)." };
        var seed = new Option<ulong>("--seed") { Description = "Master seed (default 1): the same seed and options give byte-identical files.", DefaultValueFactory = _ => 1 };
        var patients = new Option<int>("--patients") { Description = "Number of virtual patients (default 1).", DefaultValueFactory = _ => 1 };
        var field = new Option<double>("--field") { Description = "Field strength, tesla: 0.35 | 0.5 | 1.0 | 1.5 | 3 (default 1.5).", DefaultValueFactory = _ => 1.5 };
        var protocol = new Option<string>("--protocol") { Description = "rennes | lille | two-sequence | multi-echo-gre | multi-echo-se | phantom | all (default all: every protocol available at the field, and the phantom).", DefaultValueFactory = _ => "all" };
        var lic = new Option<double?>("--lic") { Description = "LIC of a single patient, µmol/g (instead of a cohort)." };
        var snr = new Option<double>("--snr") { Description = "SNR of paraspinal muscle (water for the phantom) in each series' first image (default 50; 0 = no noise).", DefaultValueFactory = _ => 50 };
        var cohort = new Option<string>("--cohort") { Description = "Class mix of a published cohort: " + string.Join(" | ", PublishedCohorts.All.Select(c => c.Name)) + " (default rennes-171).", DefaultValueFactory = _ => PublishedCohorts.Rennes171.Name };
        var matrix = new Option<int>("--matrix") { Description = "Image matrix, rows = columns (default 256).", DefaultValueFactory = _ => 256 };
        var calibration = new Option<string>("--calibration") { Description = "R2* calibration whose inverse gives liver R2* from LIC: " + string.Join(" | ", RelaxometryCalibrations.All.Where(c => c.Quantity == RelaxationQuantity.R2Star).Select(c => c.Name)) + " (default wood2005).", DefaultValueFactory = _ => LiverIronModel.DefaultR2StarCalibration };
        var fat = new Option<double>("--fat") { Description = "Liver fat fraction 0–0.5 (steatosis; default 0).", DefaultValueFactory = _ => 0 };
        var lesion = new Option<bool>("--lesion") { Description = "Add an iron-sparing focal liver lesion." };
        var heart = new Option<bool>("--heart") { Description = "Draw the cardiac apex with the interventricular septum." };
        var heartT2Star = new Option<double?>("--heart-t2star") { Description = "Septum T2* at 1.5 T, ms (implies --heart)." };
        var scaling = new Option<string>("--scaling") { Description = "Stored-value scaling: " + string.Join(" | ", VendorScalings.All.Select(v => v.Name)) + " (default rescaled-16bit).", DefaultValueFactory = _ => VendorScalings.Rescaled16Bit.Name };
        var shading = new Option<double>("--coil-shading") { Description = "Receive-coil shading amplitude (0 = body coil, default).", DefaultValueFactory = _ => 0 };
        var enhanced = new Option<bool>("--enhanced") { Description = "Write multi-echo series as one Enhanced MR file." };
        var json = new Option<bool>("--json") { Description = "Print the manifest as JSON." };
        var chemicalShift = new Option<bool>("--chemical-shift")
        {
            Description = "Add the chemical-shift series (6-echo GRE, magnitude + phase with a smooth B0, multi-peak liver fat; 1.5 and 3 T) to every patient exam.",
        };
        var pdffMax = new Option<double?>("--pdff-max")
        {
            Description = "Draw each patient's liver PDFF uniformly in 0–PERCENT (seeded per patient; at most 50) instead of one --fat for all.",
        };
        var anatomyKind = new Option<string>("--anatomy")
        {
            Description = "standard (one fixed abdomen, default) | random (per patient, seeded: habitus and fat, rotation, position, field of view, matrix, "
                + "slice level, liver size/shape/position, vessels, bowel texture, coil shading, breathing blur, and about 5 % of slices below the liver; "
                + "writes tissue-map.pgm beside truth.json). With random, --matrix and --coil-shading are drawn unless given.",
            DefaultValueFactory = _ => "standard",
        };
        var cmd = new Command("synth", "Write synthetic virtual-patient studies as DICOM, with ground-truth ROIs and truth per exam.")
            { outDir, seed, patients, field, protocol, lic, snr, cohort, matrix, calibration, fat, lesion, heart, heartT2Star, scaling, shading, enhanced, json, anatomyKind,
              chemicalShift, pdffMax };
        cmd.SetAction(p => Run(new Request(p.GetValue(outDir), p.GetValue(seed), p.GetValue(patients), p.GetValue(field), p.GetValue(protocol)!,
            p.GetValue(lic), p.GetValue(snr), p.GetValue(cohort)!, p.GetValue(matrix), p.GetValue(calibration)!, p.GetValue(fat), p.GetValue(lesion),
            p.GetValue(heart), p.GetValue(heartT2Star), p.GetValue(scaling)!, p.GetValue(shading), p.GetValue(enhanced))
        {
            Anatomy = p.GetValue(anatomyKind)!,
            MatrixGiven = p.GetResult(matrix) is { Implicit: false },
            ShadingGiven = p.GetResult(shading) is { Implicit: false },
            ChemicalShift = p.GetValue(chemicalShift),
            PdffMaxPercent = p.GetValue(pdffMax),
            FatGiven = p.GetResult(fat) is { Implicit: false },
        }, p.GetValue(json), output));
        return cmd;
    }

    private sealed record Request(string? Out, ulong Seed, int Patients, double Field, string Protocol, double? Lic, double Snr, string Cohort, int Matrix,
        string Calibration, double Fat, bool Lesion, bool Heart, double? HeartT2Star, string Scaling, double Shading, bool Enhanced)
    {
        public string Anatomy { get; init; } = "standard";
        public bool MatrixGiven { get; init; }
        public bool ShadingGiven { get; init; }
        public bool ChemicalShift { get; init; }
        public double? PdffMaxPercent { get; init; }
        public bool FatGiven { get; init; }
    }

    private static int Run(Request r, bool json, TextWriter output)
    {
        if (!ProtocolNames.Contains(r.Protocol)) throw new BadInputException($"--protocol '{r.Protocol}' is not one of {string.Join(", ", ProtocolNames)}.");
        if (!SynthProtocols.FieldStrengthsT.Any(f => Math.Abs(f - r.Field) < 1e-6))
            throw new BadInputException($"--field {r.Field.ToString(CultureInfo.InvariantCulture)} is not one of {string.Join(", ", SynthProtocols.FieldStrengthsT.Select(f => f.ToString(CultureInfo.InvariantCulture)))} T.");
        if (r.Patients is < 1 or > 10_000) throw new BadInputException($"--patients {r.Patients} must be 1–10000.");
        if (r.Matrix is < 64 or > 1024) throw new BadInputException($"--matrix {r.Matrix} must be 64–1024.");
        if (r.Anatomy is not ("standard" or "random")) throw new BadInputException($"--anatomy '{r.Anatomy}' must be standard or random.");
        if (r.Anatomy == "random" && (r.Lesion || r.Heart || r.HeartT2Star is not null))
            throw new BadInputException("--anatomy random draws its own body; --lesion and --heart need --anatomy standard.");
        if (r.Snr < 0) throw new BadInputException("--snr must be ≥ 0.");
        if (r.Fat is < 0 or > 0.5) throw new BadInputException($"--fat {r.Fat.ToString(CultureInfo.InvariantCulture)} must be 0–0.5.");
        if (r.Lic is not null && r.Patients != 1) throw new BadInputException("--lic describes one patient; drop --patients or --lic.");
        if (r.PdffMaxPercent is double pm && !(pm >= 0 && pm <= 50)) throw new BadInputException($"--pdff-max {pm.ToString(CultureInfo.InvariantCulture)} must be 0–50 (percent).");
        if (r.PdffMaxPercent is not null && r.FatGiven) throw new BadInputException("--fat gives every patient one fat fraction and --pdff-max draws one per patient; give one of them.");
        var mix = Wrap(() => PublishedCohorts.Get(r.Cohort), "--cohort");
        var calibration = Wrap(() => RelaxometryCalibrations.Get(r.Calibration), "--calibration");
        if (calibration.Quantity != RelaxationQuantity.R2Star) throw new BadInputException($"--calibration {calibration.Name} is an R2 calibration; give an R2* one.");
        var scaling = Wrap(() => VendorScalings.Get(r.Scaling), "--scaling");

        var protocols = r.Protocol == "all"
            ? Enum.GetValues<SynthProtocol>().Where(p => p is not (SynthProtocol.Phantom or SynthProtocol.ChemicalShift) && SynthProtocols.IsAvailable(p, r.Field)).ToList()
            : [.. Enum.GetValues<SynthProtocol>().Where(p => SyntheticExamWriter.ProtocolName(p) == r.Protocol)];
        bool phantom = r.Protocol is "all" or "phantom";
        protocols.Remove(SynthProtocol.Phantom);
        // "all" keeps its historical content; the chemical-shift series is asked for by name or added with --chemical-shift.
        if (r.ChemicalShift && !protocols.Contains(SynthProtocol.ChemicalShift)) protocols.Add(SynthProtocol.ChemicalShift);
        foreach (var p in protocols) Wrap(() => SynthProtocols.For(p, r.Field), "--protocol " + r.Protocol); // names the fields where it exists

        string outFolder = Path.GetFullPath(r.Out ?? SynthCache.DefaultFolder());
        var anatomy = new AnatomyOptions(r.Matrix, Lesions: r.Lesion ? [FocalLesion.Default] : null, IncludeHeartSeptum: r.Heart || r.HeartT2Star is not null);
        var options = new SimulationOptions(r.Seed, r.Field, anatomy, r.Snr, r.Shading, scaling, r.Enhanced);
        IReadOnlyList<VirtualPatient> patients = protocols.Count == 0 ? []
            : r.Lic is double licValue
                ? [new VirtualPatient(VirtualCohort.PatientId(1), Wrap(() => LiverIronConcentration.FromUmolPerGram(licValue), "--lic"), calibration.Name,
                    r.Fat, r.HeartT2Star)]
                : [.. VirtualCohort.Draw(mix, r.Patients, r.Seed, calibration.Name).Select(p => p with { LiverFatFraction = r.Fat, HeartT2StarMs1p5T = r.HeartT2Star })];
        if (r.PdffMaxPercent is double maxPdff)
            patients = [.. patients.Select(p => p with { LiverFatFraction = VirtualCohort.DrawFatFraction(r.Seed, p.Id, maxPdff / 100) })];

        SimulationOptions OptionsFor(string id)
        {
            if (r.Anatomy != "random") return options;
            var drawn = AnatomyVariation.Random(r.Seed, id);
            var o = drawn.Apply(options);
            if (r.MatrixGiven) o = o with { Anatomy = o.Anatomy! with { MatrixSize = r.Matrix } };
            return r.ShadingGiven ? o with { CoilShading = r.Shading } : o;
        }

        // Exams are independent (each draws from its own seeded streams), so they are written in parallel; the order of
        // the manifest and every byte of every file stay the same whatever the scheduling.
        var written = new SimulatedExam[patients.Count];
        try
        {
            Parallel.For(0, patients.Count, i => written[i] = Wrap(
                () => SyntheticExamWriter.WritePatient(patients[i], protocols, Path.Combine(outFolder, patients[i].Id), OptionsFor(patients[i].Id)), "patient " + patients[i].Id));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        var exams = new List<SimulatedExam>(written);
        if (phantom)
            exams.Add(Wrap(() => SyntheticExamWriter.WritePhantom(Path.Combine(outFolder, "SYN-PHANTOM"), options with { Anatomy = anatomy with { Lesions = null, IncludeHeartSeptum = false } }), "phantom"));

        var entries = exams.Select(e => new ExamEntry(e.PatientId, e.PatientId, e.LicUmolPerGram, e.LicMgPerGram, e.BiopsyClass, e.LiverR2StarPerSecond,
            e.LiverR2PerSecond, e.R2StarCalibration, e.R2Calibration, e.R2StarRule, e.LiverFatFraction, e.PatientId + "/" + e.RoiSetFile,
            e.PatientId + "/" + SyntheticExamWriter.TruthFileName,
            [.. e.Series.Select(s => new SeriesEntry(s.Label, e.PatientId + "/" + s.Folder, s.RepetitionTimeMs, s.EchoTimesMs, s.FlipAngleDeg, s.NoiseSigma,
                s.LiverToMuscleRatio, [.. s.Files.Select(f => e.PatientId + "/" + f)]))],
            e.Warnings)).ToList();
        var warnings = new List<string>();
        if (r.Lic is null && protocols.Count > 0) warnings.Add($"Cohort {mix.Name}: {mix.WithinClassAssumption}.");
        var manifest = new SynthManifest(".", r.Seed, r.Field, [.. protocols.Select(SyntheticExamWriter.ProtocolName), .. phantom ? new[] { "phantom" } : []],
            r.Snr, r.Matrix, r.Lic is null && protocols.Count > 0 ? mix.Name : null, r.Lic is null && protocols.Count > 0 ? mix.Citation : null, calibration.Name,
            scaling.Name, exams.Sum(e => e.Series.Sum(s => s.Files.Count + (s.ChemicalShift?.PhaseFiles.Count ?? 0)) + 2), entries, warnings);
        File.WriteAllText(Path.Combine(outFolder, "manifest.json"), JsonSerializer.Serialize(manifest, CliJson.Options));
        // The cohort manifest of `ironnb cohort run` (patients only), with the simulated truth as covariates.
        File.WriteAllText(Path.Combine(outFolder, "cohort.csv"), "exam,folder,rois,truthLicUmolPerGram,truthLicMgPerGram,truthClass,truthFatFractionPercent\n" + string.Concat(entries
            .Where(e => e.LicUmolPerGram is not null)
            .Select(e => string.Join(",", new[] { e.Id, e.Folder, e.RoiSet, IronNotebooks.Exams.ExamMeasurementCsv.Number(e.LicUmolPerGram),
                IronNotebooks.Exams.ExamMeasurementCsv.Number(e.LicMgPerGram), e.BiopsyClass ?? "", IronNotebooks.Exams.ExamMeasurementCsv.Number(Math.Round(100 * e.LiverFatFraction, 6)) }.Select(IronNotebooks.Exams.ExamMeasurementCsv.Quote)) + "\n")));
        manifest = manifest with { Out = outFolder };
        if (json)
        {
            output.WriteLine(CliJson.Serialize(manifest));
            return ExitCodes.Success;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{entries.Count} exam(s), {manifest.FileCount} files at {manifest.FieldStrengthT} T, seed {manifest.Seed} → {outFolder}"));
        foreach (var e in entries)
            output.WriteLine(e.LicUmolPerGram is double u
                ? string.Create(CultureInfo.InvariantCulture, $"  {e.Id}: LIC {u:0.#} µmol/g ({e.LicMgPerGram:0.##} mg/g, {e.BiopsyClass}), liver R2* {e.LiverR2StarPerSecond:0.#} s⁻¹, R2 {e.LiverR2PerSecond:0.#} s⁻¹ ({e.R2StarCalibration}), {e.Series.Count} series")
                : $"  {e.Id}: iron phantom, {e.Series.Count} series");
        foreach (var w in warnings) output.WriteLine($"note: {w}");
        return ExitCodes.Success;
    }

    private static T Wrap<T>(Func<T> f, string what)
    {
        try
        {
            return f();
        }
        catch (ArgumentException e)
        {
            throw new BadInputException($"{what}: {e.Message}");
        }
    }
}
