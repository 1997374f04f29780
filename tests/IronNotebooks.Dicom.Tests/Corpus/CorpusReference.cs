using System.Text.Json;
using System.Text.Json.Serialization;
using IronNotebooks.Dicom.Tests.Support;

namespace IronNotebooks.Dicom.Tests.Corpus;

/// <summary>
/// Reference values for every corpus DICOM file, computed by pydicom/DCMTK/GDCM (Fixtures/make_corpus_reference.py,
/// whose header says how to regenerate them).
/// </summary>
public sealed record CorpusReference(string Generator, string Pydicom, string Dcmtk, IReadOnlyList<CorpusReference.Entry> Files)
{
    public sealed record FrameFacts(double? EchoTimeMs, double RescaleSlope, double RescaleIntercept);
    public sealed record PixelFrame(double Min, double Max, double Sum, string? Sha256);
    public sealed record Spots(int[] Indices, double[] Values);

    public sealed record Entry(
        string File, string Sha256, string? TransferSyntaxUid, int? TopLevelElements, string? SeriesInstanceUid,
        string? Modality, int? Rows, int? Columns, int? Frames, int? SamplesPerPixel, int? BitsAllocated,
        int? PixelRepresentation, IReadOnlyList<FrameFacts>? FrameFacts, string? PixelReference, bool Lossy,
        IReadOnlyList<PixelFrame>? PixelFrames, Spots? SpotPixels, string? ReferenceError);

    private static readonly Lazy<CorpusReference> Cached = new(() =>
        JsonSerializer.Deserialize<CorpusReference>(File.ReadAllText(TestPaths.Fixture("corpus_reference.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString })!);

    public static CorpusReference Load() => Cached.Value;

    public static Entry Get(string file) => Load().Files.Single(f => f.File == file);
}
