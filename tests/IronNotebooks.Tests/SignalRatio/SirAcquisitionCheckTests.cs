using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

public class SirAcquisitionCheckTests
{
    /// <summary>One single-echo series per (TE, flip, field) written with the project's writer and catalogued.</summary>
    internal static ImageCatalog Exam(params (double Te, double Flip, double Field)[] sequences) => ExamWithTr(120, sequences);

    internal static ImageCatalog ExamWithTr(double trMs, params (double Te, double Flip, double Field)[] sequences)
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-sircheck-").FullName;
        int number = 1;
        foreach (var (te, flip, field) in sequences)
        {
            var series = SyntheticSeries.Phantom() with
            {
                Frames = [SyntheticSeries.Phantom().Frames[0] with { EchoTimeMs = te }],
                FlipAngleDeg = flip, RepetitionTimeMs = trMs, MagneticFieldStrengthT = field, SeriesNumber = number,
                SeriesInstanceUid = IronNotebooks.Dicom.DicomUid.Generate(),
            };
            MrImageWriter.WriteClassic(series, Path.Combine(dir, $"s{number++}"));
        }
        try { return ImageCatalog.Scan(dir); }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Identify_CompleteRennes1TExam_SatisfiesRennes1TOnly()
    {
        var catalog = Exam((7, 90, 1.0), (7, 20, 1.0), (14, 20, 1.0), (21, 20, 1.0));
        var checks = SirAcquisitionCheck.Identify(SequenceSet.FromCatalog(catalog));
        Assert.Equal("rennes-1.0T", checks[0].Protocol.Name);
        Assert.True(checks[0].IsSatisfied);
        Assert.Single(checks, c => c.IsSatisfied);
        Assert.Empty(checks[0].Warnings);   // 7, 14, 21 ms at 1.0 T are in phase (6.8 ms period)
    }

    [Fact]
    public void Check_WrongTe_IsAnErrorNamingTheSequenceAndTheParameter()
    {
        var catalog = Exam((7, 90, 1.0), (7, 20, 1.0), (16, 20, 1.0), (21, 20, 1.0));
        var check = SirAcquisitionCheck.Check(SirProtocols.Rennes1p0T, SequenceSet.FromCatalog(catalog));
        var error = Assert.Single(check.Errors);
        Assert.Equal("T2", error.Sequence);
        Assert.Contains("TE 16 ms (needs 14)", error.Message, StringComparison.Ordinal);
        Assert.False(check.IsSatisfied);
    }

    [Fact]
    public void Check_WrongTr_NamesTheTrOfEverySequence()
    {
        var check = SirAcquisitionCheck.Check(SirProtocols.Alustiza2004, SequenceSet.FromCatalog(ExamWithTr(150, (4, 20, 1.5), (14, 20, 1.5))));
        Assert.Equal(2, check.Errors.Count);
        Assert.All(check.Errors, e => Assert.Contains("TR 150 ms (needs 120)", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WrongFlip_NamesTheFlip()
    {
        var catalog = Exam((4, 20, 1.5), (14, 30, 1.5));
        var check = SirAcquisitionCheck.Check(SirProtocols.Alustiza2004, SequenceSet.FromCatalog(catalog));
        var error = Assert.Single(check.Errors);
        Assert.Equal("T2", error.Sequence);
        Assert.Contains("flip 30° (needs 20°)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MixedFieldStrengths_IsAnError()
    {
        // Both within the 0.15 T tolerance of 1.5 T, but from two scanners.
        var catalog = Exam((4, 20, 1.5), (14, 20, 1.4));
        var check = SirAcquisitionCheck.Check(SirProtocols.Alustiza2004, SequenceSet.FromCatalog(catalog));
        var error = Assert.Single(check.Errors);
        Assert.Equal("field", error.Parameter);
        Assert.Contains("IW at 1.5 T", error.Message, StringComparison.Ordinal);
        Assert.Contains("T2 at 1.4 T", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TeCloserToOpposedPhase_IsAWarning_AndSaysWhenThePublishedTeIsToo()
    {
        // 1.5 T: period 6.8/1.5 = 4.533 ms; TE 21 ms = 4.63 cycles (0.37 from in phase), as published.
        var catalog = Exam((4, 90, 1.5), (4, 20, 1.5), (9, 20, 1.5), (14, 20, 1.5), (21, 20, 1.5));
        var check = SirAcquisitionCheck.Check(SirProtocols.Rennes1p5T, SequenceSet.FromCatalog(catalog));
        Assert.True(check.IsSatisfied);
        var w = Assert.Single(check.Warnings);
        Assert.Equal("T2++", w.Sequence);
        Assert.Contains("published TE has the same property", w.Message, StringComparison.Ordinal);
        Assert.Equal(0.3676, SirAcquisitionCheck.OffPhaseCycles(21, 1.5), 1e-4);
    }

    [Fact]
    public void Check_CoilNotBodyOrNotRecorded_AreWarnings()
    {
        var catalog = Exam((4, 20, 1.5), (14, 20, 1.5));
        var set = SequenceSet.FromCatalog(catalog);
        var uids = catalog.AllSeries.OrderBy(s => s.SeriesNumber).Select(s => s.SeriesInstanceUid).ToList();
        var coils = new Dictionary<string, string?> { [uids[0]] = "BODY", [uids[1]] = "18Ch_Body_Array" };
        var check = SirAcquisitionCheck.Check(SirProtocols.Alustiza2004, set, coils);
        Assert.True(check.IsSatisfied);
        var w = Assert.Single(check.Warnings, x => x.Parameter == "coil");
        Assert.Equal("T2", w.Sequence);
        var none = SirAcquisitionCheck.Check(SirProtocols.Alustiza2004, set, new Dictionary<string, string?>());
        Assert.Equal(2, none.Warnings.Count(x => x.Parameter == "coil"));
    }

    [Fact]
    public void Registry_EveryEntryHasCitationStatusAndAnAcquisitionFromTheImagingRegistry()
    {
        Assert.All(SirProtocols.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Citation));
            Assert.False(string.IsNullOrWhiteSpace(p.StatusNote));
            Assert.Same(SequenceProtocols.Get(p.Acquisition.Name), p.Acquisition);
            Assert.All(p.FitSequences, l => p.Step(l));
        });
        Assert.Same(SirProtocols.Alustiza2004, SirProtocols.Get("two-sequence-1.5T"));
        Assert.Contains("alustiza2004", Assert.Throws<ArgumentException>(() => SirProtocols.Get("rennes-7T")).Message, StringComparison.Ordinal);
    }
}
