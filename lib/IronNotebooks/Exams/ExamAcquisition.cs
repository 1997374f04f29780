using IronNotebooks.Imaging;

namespace IronNotebooks.Exams;

/// <summary>
/// One series of an exam with its kind and the evidence for it: Scanning Sequence (0018,0020), echo count and spacing,
/// TR and flip angle, Image Type, the SIR protocol steps it matches; what is ambiguous; and what is missing (echo
/// numbers absent from the train, files of its folder that could not be read, slices without every echo).
/// </summary>
public sealed record ExamAcquisition
{
    /// <summary>The catalogued series.</summary>
    public required CatalogSeries Series { get; init; }

    /// <summary>What the series is for.</summary>
    public required ExamAcquisitionKind Kind { get; init; }

    /// <summary>The facts the kind was decided on, in words.</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    /// <summary>What could make the kind wrong (e.g. no Scanning Sequence recorded).</summary>
    public required IReadOnlyList<string> Ambiguities { get; init; }

    /// <summary>SIR protocol steps the series matches, as "protocol:label" (e.g. "rennes-1.5T:T2").</summary>
    public required IReadOnlyList<string> SignalRatioSteps { get; init; }

    /// <summary>Magnitude echo times, ms, ascending.</summary>
    public IReadOnlyList<double> EchoTimesMs => Series.MagnitudeEchoTimesMs;

    /// <summary>Echo Numbers (0018,0086) missing between 1 and the highest present (a dropped or unreadable echo).</summary>
    public required IReadOnlyList<int> MissingEchoNumbers { get; init; }

    /// <summary>Files of this series' folder that could not be read.</summary>
    public required IReadOnlyList<ExamFileProblem> UnreadableFiles { get; init; }

    /// <summary>Problems that make the acquisition incomplete (missing echoes, unreadable files, slices without every echo),
    /// each naming the file or echo; empty when complete.</summary>
    public IReadOnlyList<string> Incompleteness =>
    [
        .. MissingEchoNumbers.Select(n => $"series {Series.SeriesNumber}: echo {n} of the train is missing (Echo Numbers (0018,0086) present: {string.Join(", ", PresentEchoNumbers)})"),
        .. UnreadableFiles.Select(f => $"series {Series.SeriesNumber}: unreadable file {f.Path} ({f.Reason})"),
    ];

    /// <summary>Echo Numbers (0018,0086) found in the series.</summary>
    public required IReadOnlyList<int> PresentEchoNumbers { get; init; }

    /// <summary>Series number and description, e.g. "series 9 'SYNTHETIC MGRE …'".</summary>
    public string Label => $"series {Series.SeriesNumber} '{Series.SeriesDescription}'";
}
