using BenchmarkDotNet.Attributes;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Benchmarks;

/// <summary>Parse + full pixel decode of the 1,000-file series (compare with pydicom_read_series.py on the same files).</summary>
[MemoryDiagnoser]
public class SeriesReadBenchmark
{
    private string[] _files = [];

    [GlobalSetup]
    public void Setup() => _files = Directory.GetFiles(SeriesFiles.Ensure(), "*.dcm").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Open every file and decode its pixels to stored values (masked, as doubles): what the library's users call.</summary>
    [Benchmark(Baseline = true)]
    public double ParseAndDecodeStoredValues()
    {
        double total = 0;
        foreach (var f in _files) total += DicomFile.Open(f).GetPixelData().GetStoredValues(0)[0];
        return total;
    }

    /// <summary>Open every file and take its frame as native bytes (the equivalent of pydicom's pixel_array of uint16).</summary>
    [Benchmark]
    public int ParseAndFrameBytes()
    {
        int total = 0;
        foreach (var f in _files) total += DicomFile.Open(f).GetPixelData().GetFrameBytes(0)[0];
        return total;
    }

    /// <summary>Headers only (ReadPixelData = false), as `dicom tree` reads a folder.</summary>
    [Benchmark]
    public int ParseHeadersOnly()
    {
        var options = DicomReadOptions.Default with { ReadPixelData = false };
        int total = 0;
        foreach (var f in _files) total += DicomFile.Open(f, options).Dataset.Count;
        return total;
    }
}
