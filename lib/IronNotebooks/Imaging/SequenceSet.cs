namespace IronNotebooks.Imaging;

/// <summary>
/// Single-echo magnitude acquisitions of one exam keyed by TR/TE/flip and field: the input of the SIR methods, where
/// each protocol sequence is a separate series acquired at the same slice position.
/// </summary>
/// <param name="Entries">One entry per single-echo magnitude acquisition.</param>
public sealed record SequenceSet(IReadOnlyList<SequenceSet.Entry> Entries)
{
    /// <summary>A sequence and where it is.</summary>
    public sealed record Entry(SequenceKey Key, CatalogSeries Series, CatalogAcquisition Acquisition);

    /// <summary>
    /// Every magnitude acquisition of the catalog that has TR, TE, flip angle and field strength. An exam with unreadable
    /// DICOM files fails: a missing file may be a whole sequence, and which protocol an exam satisfies (and so which
    /// method measures it) must not change because a file could not be read.
    /// </summary>
    /// <exception cref="ImagingException">The catalog lists unreadable files (each named with its reason), unless <paramref name="allowUnreadableFiles"/>.</exception>
    public static SequenceSet FromCatalog(ImageCatalog catalog, bool allowUnreadableFiles = false)
    {
        Guard.NotNull(catalog);
        if (!allowUnreadableFiles && catalog.Failures.Count > 0)
            throw new ImagingException(
                $"{catalog.Failures.Count} DICOM file(s) of the exam could not be read, so a sequence may be missing and the protocol cannot be identified "
                + $"with confidence: {string.Join("; ", catalog.Failures.Select(f => $"{f.Path}: {f.Reason}"))}. Repair or remove them.",
                new ErrorContext { FilePath = catalog.Failures[0].Path });
        return Build(catalog);
    }

    private static SequenceSet Build(ImageCatalog catalog) => new(
        [.. catalog.AllSeries.SelectMany(s => s.Acquisitions
            .Where(a => a.Component == ImageComponent.Magnitude && a.EchoTimeMs is not null && s.RepetitionTimeMs is not null
                        && s.FlipAngleDeg is not null && s.FieldStrengthT is not null)
            .Select(a => new Entry(new SequenceKey(s.RepetitionTimeMs!.Value, a.EchoTimeMs!.Value, s.FlipAngleDeg!.Value, s.FieldStrengthT!.Value), s, a)))]);

    /// <summary>Which protocol sequences this set holds, which it lacks, and what it has besides.</summary>
    public ProtocolMatch Match(SequenceProtocol protocol, ProtocolTolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        tolerance ??= new ProtocolTolerance();
        var matched = new List<ProtocolMatch.StepMatch>();
        var used = new HashSet<Entry>();
        foreach (var step in protocol.Steps)
        {
            var candidates = Entries.Where(e =>
                Math.Abs(e.Key.FieldStrengthT - protocol.FieldStrengthT) <= tolerance.FieldStrengthT
                && Math.Abs(e.Key.RepetitionTimeMs - step.RepetitionTimeMs) <= tolerance.RepetitionTimeMs
                && Math.Abs(e.Key.EchoTimeMs - step.EchoTimeMs) <= tolerance.EchoTimeMs
                && Math.Abs(e.Key.FlipAngleDeg - step.FlipAngleDeg) <= tolerance.FlipAngleDeg).ToList();
            var best = candidates.OrderBy(e => Math.Abs(e.Key.EchoTimeMs - step.EchoTimeMs)).FirstOrDefault();
            if (best is not null) used.Add(best);
            matched.Add(new ProtocolMatch.StepMatch(step, best, candidates.Count));
        }
        return new ProtocolMatch(protocol, tolerance, matched, [.. Entries.Where(e => !used.Contains(e))]);
    }
}
