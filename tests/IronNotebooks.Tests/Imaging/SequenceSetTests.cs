using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using Xunit;

namespace IronNotebooks.Tests.Imaging;

public class SequenceSetTests
{
    private static ImageCatalog RennesExam(double fieldT, params (double Te, double Flip)[] sequences)
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-sir-").FullName;
        int number = 1;
        foreach (var (te, flip) in sequences)
        {
            var series = SyntheticSeries.Phantom() with
            {
                Frames = [SyntheticSeries.Phantom().Frames[0] with { EchoTimeMs = te }],
                FlipAngleDeg = flip, RepetitionTimeMs = 120, MagneticFieldStrengthT = fieldT, SeriesNumber = number,
                SeriesInstanceUid = IronNotebooks.Dicom.DicomUid.Generate(),
            };
            MrImageWriter.WriteClassic(series, Path.Combine(dir, $"s{number++}"));
        }
        try { return ImageCatalog.Scan(dir); }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Match_CompleteRennesExamAt15T_FindsEverySequence()
    {
        var catalog = RennesExam(1.5, (4.1, 90), (4.0, 20), (9.2, 20), (14, 20), (21, 20));
        var match = SequenceSet.FromCatalog(catalog).Match(SequenceProtocols.Get("rennes-1.5T"));
        Assert.True(match.IsComplete);
        Assert.Equal(["T1", "PD", "T2", "T2+", "T2++"], match.Steps.Select(s => s.Step.Label));
        Assert.Equal(9.2, match.Steps[2].Found!.Key.EchoTimeMs);
        Assert.Empty(match.Unused);
    }

    [Fact]
    public void Match_ExamWithoutTheMostT2WeightedSequence_NamesWhatIsMissing()
    {
        var catalog = RennesExam(1.5, (4, 90), (4, 20), (9, 20), (14, 20));
        var match = SequenceSet.FromCatalog(catalog).Match(SequenceProtocols.Get("rennes-1.5T"));
        Assert.False(match.IsComplete);
        Assert.Equal(["T2++"], match.Missing);
    }

    [Fact]
    public void Match_WrongFieldStrength_MatchesNothing()
    {
        var catalog = RennesExam(3.0, (4, 90), (4, 20));
        var match = SequenceSet.FromCatalog(catalog).Match(SequenceProtocols.Get("rennes-1.5T"));
        Assert.All(match.Steps, s => Assert.Null(s.Found));
        Assert.Equal(2, match.Unused.Count);
    }

    [Fact]
    public void Registry_UnknownProtocol_ListsTheKnownNames()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => SequenceProtocols.Get("rennes-7T"));
        Assert.Contains("rennes-1.5T", e.Message);
        Assert.All(SequenceProtocols.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Citation)));
    }
}
