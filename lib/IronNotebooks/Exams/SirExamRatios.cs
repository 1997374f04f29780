using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using IronNotebooks.SignalRatio;

namespace IronNotebooks.Exams;

/// <summary>
/// The liver/muscle ratios of one SIR protocol measured on an exam, with the protocol check's findings and any method
/// switch made while choosing the protocol. <see cref="Measure"/> is the one path shared by `ironnb lic sir EXAM`,
/// `ironnb exam measure`, cohort runs and notebooks.
/// </summary>
public sealed record SirExamRatios
{
    /// <summary>The protocol measured.</summary>
    public required SirProtocol Protocol { get; init; }

    /// <summary>Ratios per sequence (plus "Lille" under rennes-1.5T when the add-on series is there).</summary>
    public required IReadOnlyList<LiverMuscleRatio> Ratios { get; init; }

    /// <summary>Protocol findings (warnings only: an unsatisfied protocol throws).</summary>
    public required IReadOnlyList<SirFinding> Findings { get; init; }

    /// <summary>Field strength of the sequences, tesla.</summary>
    public required double FieldStrengthT { get; init; }

    /// <summary>When the protocol was identified rather than named and a more complete SIR method of the exam could not be
    /// used (e.g. Rennes without its T2 series → two-sequence model): what and why. Null otherwise.</summary>
    public string? MethodSwitch { get; init; }

    /// <summary>Series numbers read.</summary>
    public required IReadOnlyList<int> Series { get; init; }

    /// <summary>Files read.</summary>
    public required int Files { get; init; }

    /// <summary>Echo time of each sequence used, ms.</summary>
    public required IReadOnlyList<double> EchoTimesMs { get; init; }

    /// <summary>
    /// Chooses the protocol (<paramref name="protocolName"/>, or the satisfied one with the most sequences), checks it,
    /// and measures the exam's liver and paraspinal-muscle ROIs on each sequence at one slice position: slice
    /// <paramref name="sliceIndex"/> of the first sequence when given, else the slice of the ROI set's reference image
    /// (slice 0 without one). Under rennes-1.5T the Lille add-on series is measured too when present.
    /// </summary>
    /// <exception cref="SignalRatioException">No ROIs, no SIR sequence, the protocol not satisfied (the message names the
    /// missing sequence and any unreadable file that may have held it), or a sequence without the slice.</exception>
    public static SirExamRatios Measure(Exam exam, string? protocolName = null, int? sliceIndex = null)
    {
        Guard.NotNull(exam);
        var rois = exam.Rois ?? throw new SignalRatioException($"exam '{exam.Id}' has no ROI set (rois.json or --rois): SIR needs liver and paraspinal-muscle ROIs.");
        if (exam.Sequences.Entries.Count == 0) throw new SignalRatioException($"No magnitude series with TR, TE, flip angle and field strength in '{exam.Folder}'.");
        string? methodSwitch = null;
        SirProtocolCheck check;
        if (protocolName is not null) check = SirAcquisitionCheck.Check(SirProtocols.Get(protocolName), exam.Sequences, exam.CoilBySeriesUid);
        else
        {
            var satisfied = exam.SignalRatioChecks.Where(c => c.IsSatisfied && c.Protocol.Model != SirModel.LilleAddOn).ToList();
            if (satisfied.Count == 0)
            {
                var closest = exam.SignalRatioChecks[0];
                throw new SignalRatioException($"'{exam.Folder}' satisfies no SIR protocol; closest {closest.Protocol.Name}: {string.Join(" ", closest.Errors.Select(x => x.Message))}{OrphanNote(exam)}");
            }
            check = satisfied[0];
            methodSwitch = SwitchNote(exam, check);
            // A more complete protocol was not possible and a file that belongs to no readable series may be the missing
            // sequence: measuring with the fallback would change the method because of a damaged transfer, so refuse and
            // name the files (issue 13); a sequence that is really absent (no such file) is a stated switch instead.
            if (methodSwitch is not null && OrphanNote(exam).Length > 0)
                throw new SignalRatioException($"{methodSwitch.Replace(" was used instead.", " would be used instead", StringComparison.Ordinal)}, but the exam has unreadable file(s) that may hold the missing sequence. Repair or remove them, or choose the protocol with --protocol.");
        }
        if (!check.IsSatisfied)
            throw new SignalRatioException($"The exam does not satisfy {check.Protocol.Name}: {string.Join(" ", check.Errors.Select(x => x.Message))}{OrphanNote(exam)}");

        var findings = new List<SirFinding>(check.Findings);
        if (protocolName is null)
        {
            var others = exam.SignalRatioChecks.Where(c => c.IsSatisfied && c.Protocol != check.Protocol && c.Protocol.Model != SirModel.LilleAddOn).Select(c => c.Protocol.Name).ToList();
            if (others.Count > 0)
                findings.Add(new SirFinding(SirFindingSeverity.Warning, null, "protocol",
                    $"The exam also satisfies {string.Join(", ", others)}; {check.Protocol.Name} (most sequences) was used. Choose with --protocol."));
        }
        var loaded = new Dictionary<string, MultiEchoSeries>();
        double? location = null;
        var ratios = new List<LiverMuscleRatio>();
        var series = new List<int>();
        var echoes = new List<double>();
        int files = 0;
        var measured = RoiSelection.MeasuredLivers(rois.Mapped).Concat(rois.Mapped.Where(r => r.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal)).ToList();
        string roiFile = Path.GetFileName(rois.SourcePath);
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        LiverMuscleRatio? One(SequenceProtocolStep step, SequenceSet.Entry entry, bool required)
        {
            if (!loaded.TryGetValue(entry.Series.SeriesInstanceUid, out var s))
                loaded[entry.Series.SeriesInstanceUid] = s = MultiEchoSeries.FromCatalog(entry.Series);
            MultiEchoSlice slice;
            if (location is null)
            {
                if (sliceIndex is int k)
                {
                    if (k < 0 || k >= s.Slices.Count)
                        throw new SignalRatioException($"slice {k} is outside 0…{s.Slices.Count - 1} in {step.Label} (series {entry.Series.SeriesNumber}).", step.Label);
                    slice = s.Slices[k];
                }
                else slice = rois.Reference is { } g ? s.Slices.MinBy(x => Math.Abs(x.SliceLocationMm - g.SliceLocationMm))! : s.Slices[0];
                location = slice.SliceLocationMm;
            }
            else
            {
                slice = s.Slices.MinBy(x => Math.Abs(x.SliceLocationMm - location.Value))!;
                if (Math.Abs(slice.SliceLocationMm - location.Value) > 1.0)
                {
                    string message = F($"Sequence '{step.Label}' (series {entry.Series.SeriesNumber}) has no slice at {location:0.##} mm (nearest {slice.SliceLocationMm:0.##} mm): SIR ratios need the same slice on every sequence.");
                    if (required) throw new SignalRatioException(message, step.Label);
                    findings.Add(new SirFinding(SirFindingSeverity.Warning, step.Label, "slice", message + " Not used."));
                    return null;
                }
            }
            int echo = s.EchoTimesMs.ToList().IndexOf(entry.Acquisition.EchoTimeMs!.Value);
            var plane = slice.Echoes[echo];
            var stats = measured.Select(r => RoiMeasurement.Measure(plane, r)).ToList();
            if (entry.Series.SeriesNumber is int n) series.Add(n);
            echoes.Add(entry.Key.EchoTimeMs);
            files += entry.Acquisition.Files;
            return LiverMuscleRatio.FromStatistics(step.Label, stats, F($"series {entry.Series.SeriesNumber} TE {entry.Key.EchoTimeMs} ms, slice at {slice.SliceLocationMm:0.##} mm, {roiFile}"));
        }
        foreach (var step in check.Match.Steps) ratios.Add(One(step.Step, step.Found!, required: true)!);
        // A Rennes 1.5 T exam with the Lille add-on sequence: measure it too; SirLic uses it when Rennes exceeds 300 µmol/g (Rose 2006).
        if (check.Protocol == SirProtocols.Rennes1p5T)
        {
            var lille = SirAcquisitionCheck.Check(SirProtocols.LilleAddOn1p5T, exam.Sequences, exam.CoilBySeriesUid);
            if (lille.IsSatisfied && One(lille.Match.Steps[0].Step, lille.Match.Steps[0].Found!, required: false) is { } lm)
            {
                ratios.Add(lm);
                findings.AddRange(lille.Warnings);
            }
        }
        return new SirExamRatios
        {
            Protocol = check.Protocol,
            Ratios = ratios,
            Findings = findings,
            FieldStrengthT = check.Match.Steps[0].Found!.Key.FieldStrengthT,
            MethodSwitch = methodSwitch,
            Series = series,
            Files = files,
            EchoTimesMs = echoes,
        };
    }

    /// <summary>
    /// The switch rule of an identified protocol (docs/methods.md §2): when the exam holds some but not all sequences of a
    /// SIR protocol with more sequences at its field than the one used, the more complete method was not possible and the
    /// result must say so (e.g. a Rennes exam whose T2 series is missing or unreadable is measured with the two-sequence model).
    /// </summary>
    private static string? SwitchNote(Exam exam, SirProtocolCheck used)
    {
        var skipped = exam.SignalRatioChecks.Where(c => !c.IsSatisfied && c.Protocol.Model != SirModel.LilleAddOn && c.Protocol != used.Protocol
                && Math.Abs(c.Protocol.FieldStrengthT - used.Protocol.FieldStrengthT) < 0.05
                && c.Protocol.Acquisition.Steps.Count > used.Protocol.Acquisition.Steps.Count
                && c.Match.Steps.Any(s => s.Found is not null))
            .ToList();
        if (skipped.Count == 0) return null;
        return string.Join(" ", skipped.Select(c =>
            $"{c.Protocol.Name} was not possible (missing {string.Join(", ", c.Match.Missing)}{OrphanNote(exam)}); {used.Protocol.Name} was used instead."));
    }

    private static string OrphanNote(Exam exam)
    {
        var orphans = exam.UnreadableFiles.Where(f => f.SeriesNumbers.Count == 0).ToList();
        return orphans.Count == 0 ? "" : "; unreadable file(s) that may hold it: " + string.Join(", ", orphans.Select(f => $"{f.Path} ({f.Reason})"));
    }
}
