using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Inspection;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using IronNotebooks.SignalRatio;

namespace IronNotebooks.Exams;

/// <summary>
/// One exam folder as the methods see it: the catalog, every series identified by kind with its evidence
/// (<see cref="ExamAcquisition"/>), the SIR protocols checked against it, the files that could not be read (attributed
/// to the series of their folder), whether it is a phantom, and its ROIs mapped through patient millimetres.
/// <c>Exam.Open("exam/")</c> is the entry point of <see cref="ExamMeasurement"/>, the CLI's `exam measure` and cohort runs.
/// </summary>
public sealed record Exam
{
    /// <summary>Exam id (the folder name unless given).</summary>
    public required string Id { get; init; }

    /// <summary>The exam folder (absolute).</summary>
    public required string Folder { get; init; }

    /// <summary>Studies → series → acquisitions.</summary>
    public required ImageCatalog Catalog { get; init; }

    /// <summary>Every series with its kind, in series order.</summary>
    public required IReadOnlyList<ExamAcquisition> Acquisitions { get; init; }

    /// <summary>Every SIR protocol checked against the exam (satisfied first; <see cref="SirAcquisitionCheck.Identify"/>).</summary>
    public required IReadOnlyList<SirProtocolCheck> SignalRatioChecks { get; init; }

    /// <summary>The exam's single-echo magnitude acquisitions, as the SIR matcher sees them.</summary>
    public required SequenceSet Sequences { get; init; }

    /// <summary>Receive Coil Name (0018,1250) per Series Instance UID (null when not recorded).</summary>
    public required IReadOnlyDictionary<string, string?> CoilBySeriesUid { get; init; }

    /// <summary>DICOM files that could not be read, each attributed to the series of its folder.</summary>
    public required IReadOnlyList<ExamFileProblem> UnreadableFiles { get; init; }

    /// <summary>Field strength, tesla, of the first series that records it; null when none does.</summary>
    public double? FieldStrengthT { get; init; }

    /// <summary>Why the exam is taken for a phantom (ROI set with phantom vials, "PHANTOM" in Patient Name/ID), or null for a patient.</summary>
    public string? PhantomEvidence { get; init; }

    /// <summary>True when <see cref="PhantomEvidence"/> is set.</summary>
    public bool IsPhantom => PhantomEvidence is not null;

    /// <summary>The ROIs, or null when the exam has none (no rois.json and none given).</summary>
    public ExamRois? Rois { get; init; }

    /// <summary>Exam-level notes: mixed fields, ROI mapping, unattributed unreadable files.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The acquisitions of one kind.</summary>
    public IReadOnlyList<ExamAcquisition> OfKind(ExamAcquisitionKind kind) => [.. Acquisitions.Where(a => a.Kind == kind)];

    /// <summary>
    /// Opens an exam folder: scans it (unreadable files listed, never dropped), identifies each series' kind, checks the
    /// SIR protocols, and loads ROIs from <paramref name="roisPath"/> or else the folder's rois.json when present.
    /// </summary>
    /// <param name="folder">The exam folder.</param>
    /// <param name="roisPath">An ROI set file (schema ironnotebooks/roi-set), or null for the folder's rois.json.</param>
    /// <param name="id">Exam id, or null for the folder name.</param>
    /// <param name="loadRois">False to skip ROIs altogether (inspection only, e.g. `dicom tree`).</param>
    /// <exception cref="ExamException">The folder or the ROI file does not exist or cannot be read.</exception>
    public static Exam Open(string folder, string? roisPath = null, string? id = null, bool loadRois = true)
    {
        Guard.NotNull(folder);
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw new ExamException("exam folder does not exist.", full);
        var scan = DicomFolderScan.Scan(full);
        var catalog = ImageCatalog.FromScan(scan);
        var headers = scan.Objects.ToDictionary(o => o.Path, o => o.Header, StringComparer.Ordinal);
        var warnings = new List<string>();

        // Unreadable files are attributed to their series below and fail exactly the methods that needed them, not the whole exam.
        var sequences = SequenceSet.FromCatalog(catalog, allowUnreadableFiles: true);
        var coils = catalog.AllSeries.ToDictionary(s => s.SeriesInstanceUid, s => FirstHeader(s, headers)?.TryGetString(ReceiveCoilName, out var c) == true ? c : null);
        var checks = SirAcquisitionCheck.Identify(sequences, coils);
        // Every step each single-echo acquisition could fill (not only the one the matcher chose when several qualify).
        var stepsBySeries = sequences.Entries.SelectMany(e => SirProtocols.All.SelectMany(p => new SequenceSet([e]).Match(p.Acquisition).Steps
                .Where(s => s.Found is not null).Select(s => (Uid: e.Series.SeriesInstanceUid, Step: $"{p.Name}:{s.Step.Label}"))))
            .GroupBy(x => x.Uid).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Step).Distinct()]);

        // An unreadable file has no header to say its series: attribute it to the series whose readable files share its folder.
        var seriesByFolder = catalog.AllSeries.SelectMany(s => s.Acquisitions.SelectMany(a => a.FrameReferences).Select(f => (Dir: Path.GetDirectoryName(f.Path)!, s)))
            .GroupBy(x => x.Dir).ToDictionary(g => g.Key, g => g.Select(x => x.s).DistinctBy(s => s.SeriesInstanceUid).ToList());
        // Files skipped as "not DICOM" that are named like images (0-byte or garbage .dcm) are unusable inputs too, not noise.
        var unusable = scan.Failures.Concat(scan.Skipped.Where(f => LooksLikeImageFile(f.Path))
            .Select(f => f with { Reason = $"{f.Reason}{SizeNote(f.Path)}" })).ToList();
        var problems = unusable.Select(f =>
        {
            var series = seriesByFolder.TryGetValue(Path.GetDirectoryName(f.Path)!, out var list) ? list : [];
            return (Problem: new ExamFileProblem(f.Path, f.Reason, [.. series.Where(s => s.SeriesNumber is not null).Select(s => s.SeriesNumber!.Value)]), Uids: series.Select(s => s.SeriesInstanceUid).ToList());
        }).ToList();
        foreach (var p in problems.Where(p => p.Uids.Count == 0))
            warnings.Add($"unreadable file {p.Problem.Path} ({p.Problem.Reason}) belongs to no readable series: a whole sequence may be missing");

        double? field = catalog.AllSeries.Select(s => s.FieldStrengthT).FirstOrDefault(f => f is not null);
        var fields = catalog.AllSeries.Where(s => s.FieldStrengthT is not null).Select(s => Math.Round(s.FieldStrengthT!.Value, 2)).Distinct().ToList();
        if (fields.Count > 1) warnings.Add($"series at more than one field strength ({string.Join(", ", fields.Select(f => f.ToString(CultureInfo.InvariantCulture)))} T): each method uses its own series' field");

        var acquisitions = catalog.AllSeries.Select(s => Identify(s, FirstHeader(s, headers), headers,
            stepsBySeries.TryGetValue(s.SeriesInstanceUid, out var steps) ? steps : [],
            [.. problems.Where(p => p.Uids.Contains(s.SeriesInstanceUid)).Select(p => p.Problem)])).ToList();

        string? rois = !loadRois ? null : roisPath ?? (File.Exists(Path.Combine(full, "rois.json")) ? Path.Combine(full, "rois.json") : null);
        var examRois = rois is null ? null : ExamRois.Load(Path.GetFullPath(rois), full, catalog);
        if (examRois is not null) warnings.AddRange(examRois.Notes);

        string? phantom = null;
        if (examRois?.Set.Rois.Any(r => r.Role == RoiRole.PhantomVial) == true) phantom = "the ROI set has phantom-vial ROIs";
        else if (catalog.Studies.Any(st => (st.PatientId ?? "").Contains("PHANTOM", StringComparison.OrdinalIgnoreCase)))
            phantom = "Patient ID (0010,0020) contains 'PHANTOM'";

        return new Exam
        {
            Id = id ?? Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)),
            Folder = full,
            Catalog = catalog,
            Acquisitions = acquisitions,
            SignalRatioChecks = checks,
            Sequences = sequences,
            CoilBySeriesUid = coils,
            UnreadableFiles = [.. problems.Select(p => p.Problem)],
            FieldStrengthT = field,
            PhantomEvidence = phantom,
            Rois = examRois,
            Warnings = warnings,
        };
    }

    /// <summary>" (N bytes)" for a regular file; nothing for a link, FIFO or device, whose length cannot or must not be read.</summary>
    private static string SizeNote(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0
            ? $" ({info.Length} bytes)" : "";
    }

    private static bool LooksLikeImageFile(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is "" or ".dcm" or ".ima" or ".dicom" or ".img";
    }

    private static readonly DicomTag ReceiveCoilName = new(0x0018, 0x1250);
    private static readonly DicomTag ScanningSequence = new(0x0018, 0x0020);

    private static DicomDataset? FirstHeader(CatalogSeries s, IReadOnlyDictionary<string, DicomDataset> headers) =>
        s.Acquisitions.SelectMany(a => a.FrameReferences).Select(f => headers.TryGetValue(f.Path, out var h) ? h : null).FirstOrDefault(h => h is not null);

    /// <summary>Longest echo train taken for chemical-shift encoding rather than a decay train, ms.</summary>
    public const double ChemicalShiftMaxLastEchoMs = 12;

    /// <summary>
    /// Why a multi-echo series is chemical-shift encoded, or null: phase, real or imaginary images at its echoes; or a
    /// short dense train (≤ 8 echoes, last ≤ <see cref="ChemicalShiftMaxLastEchoMs"/> ms, spacing below half the fat–water
    /// in-phase period at the series' field, so the train samples the opposed phase). A 12-echo relaxometry train is not.
    /// </summary>
    private static string? ChemicalShiftEvidence(CatalogSeries s, IReadOnlyList<double> te, IReadOnlyList<double> spacing)
    {
        string F(FormattableString x) => x.ToString(CultureInfo.InvariantCulture);
        if (s.Acquisitions.Any(a => a.Component is Imaging.ImageComponent.Phase or Imaging.ImageComponent.Real or Imaging.ImageComponent.Imaginary))
            return "chemical-shift encoded: phase/complex images at the magnitude echoes";
        if (s.FieldStrengthT is not double b || !(b >= 0.1 && b <= 11.7)) return null;
        double inPhaseMs = 1000 / Math.Abs(FatWater.FatSpectra.Hamilton2011.MainPeakHz(b));
        if (te.Count <= 8 && te[^1] <= ChemicalShiftMaxLastEchoMs && spacing.Max() < inPhaseMs / 2)
            return F($"chemical-shift encoded: {te.Count} echoes up to {te[^1]:0.###} ms spaced below half the fat–water in-phase period ({inPhaseMs:0.##} ms at {b} T)");
        return null;
    }

    private static ExamAcquisition Identify(CatalogSeries s, DicomDataset? header, IReadOnlyDictionary<string, DicomDataset> headers,
        IReadOnlyList<string> sirSteps, IReadOnlyList<ExamFileProblem> unreadable)
    {
        string F(FormattableString x) => x.ToString(CultureInfo.InvariantCulture);
        var evidence = new List<string>();
        var ambiguities = new List<string>();
        var te = s.MagnitudeEchoTimesMs;
        string? scanning = header is not null && header.TryGetString(ScanningSequence, out var sq) ? sq : null;
        bool gr = scanning?.Contains("GR", StringComparison.OrdinalIgnoreCase) == true;
        bool se = scanning?.Split('\\').Any(v => v.Trim().Equals("SE", StringComparison.OrdinalIgnoreCase)) == true && !gr;
        evidence.Add(scanning is null ? "Scanning Sequence (0018,0020) not recorded" : $"Scanning Sequence (0018,0020) {scanning}");
        evidence.Add(F($"{te.Count} magnitude echo time(s){(te.Count > 0 ? $" {string.Join(", ", te.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)))} ms" : "")}"));
        if (s.RepetitionTimeMs is not null || s.FlipAngleDeg is not null) evidence.Add(F($"TR {s.RepetitionTimeMs} ms, flip {s.FlipAngleDeg}°"));
        var imageType = s.Acquisitions.Select(a => a.ImageType).FirstOrDefault();
        if (imageType is not null) evidence.Add($"Image Type {imageType}");
        if (s.Acquisitions.Any(a => a.Component != Imaging.ImageComponent.Magnitude))
            evidence.Add("components: " + string.Join(", ", s.Acquisitions.Select(a => a.Component).Distinct()));

        ExamAcquisitionKind kind;
        if (te.Count >= 3)
        {
            var spacing = te.Zip(te.Skip(1), (a, b) => b - a).ToList();
            evidence.Add(F($"echo spacing {spacing.Min():0.###}–{spacing.Max():0.###} ms"));
            if (se) kind = ExamAcquisitionKind.MultiEchoSpinEcho;
            else if (ChemicalShiftEvidence(s, te, spacing) is { } cse)
            {
                kind = ExamAcquisitionKind.ChemicalShiftMultiEcho;
                evidence.Add(cse);
                if (!gr) ambiguities.Add("Scanning Sequence does not say GR; taken for a gradient echo from its echo train");
            }
            else if (gr) kind = ExamAcquisitionKind.MultiEchoGradientEcho;
            else
            {
                // No Scanning Sequence: a 90° excitation with a long TR is a spin-echo train, anything else a gradient echo.
                kind = s.FlipAngleDeg >= 60 && s.RepetitionTimeMs >= 500 ? ExamAcquisitionKind.MultiEchoSpinEcho : ExamAcquisitionKind.MultiEchoGradientEcho;
                ambiguities.Add($"spin echo or gradient echo decided from TR and flip angle only ({kind})");
            }
        }
        else if (te.Count == 2 && !se && s.FieldStrengthT is double b && b > 0)
        {
            double c0 = SirAcquisitionCheck.OffPhaseCycles(te[0], b), c1 = SirAcquisitionCheck.OffPhaseCycles(te[1], b);
            bool pair = (c0 > 0.35 && c1 < 0.15) || (c1 > 0.35 && c0 < 0.15);
            kind = pair ? ExamAcquisitionKind.InOpposedPhase : ExamAcquisitionKind.Other;
            evidence.Add(F($"fat–water cycles from in phase at {b} T: {c0:0.00} and {c1:0.00}"));
        }
        else if (te.Count == 1 && sirSteps.Count > 0) kind = ExamAcquisitionKind.SignalRatioSequence;
        else kind = ExamAcquisitionKind.Other;
        if (sirSteps.Count > 0)
        {
            evidence.Add("matches SIR step(s) " + string.Join(", ", sirSteps));
            if (kind != ExamAcquisitionKind.SignalRatioSequence) ambiguities.Add($"matches SIR step(s) but has {te.Count} echoes");
        }

        // The catalog's magnitude Echo Numbers (0018,0086): the same list MultiEchoSeries checks for gaps.
        var echoNumbers = s.MagnitudeEchoNumbers;
        var missing = te.Count >= 2 && echoNumbers.Count > 0 && echoNumbers[^1] <= 1024
            ? Enumerable.Range(1, echoNumbers[^1]).Except(echoNumbers).ToList() : [];
        return new ExamAcquisition
        {
            Series = s,
            Kind = kind,
            Evidence = evidence,
            Ambiguities = ambiguities,
            SignalRatioSteps = sirSteps,
            MissingEchoNumbers = missing,
            PresentEchoNumbers = echoNumbers,
            UnreadableFiles = unreadable,
        };
    }
}
