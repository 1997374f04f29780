using BenchmarkDotNet.Attributes;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// Parse + full pixel decode of the 1,000-file series; pydicom_read_series.py runs the same three tasks on the same
/// files: pixel_array (native uint16) ↔ <see cref="ParseAndFrameBytes"/>, masked float64 stored values ↔ the two
/// stored-value benchmarks, headers only ↔ <see cref="ParseHeadersOnly"/>.
/// </summary>
[MemoryDiagnoser]
public class SeriesReadBenchmark
{
    private string[] _files = [];
    private readonly double[] _buffer = new double[SeriesFiles.Size * SeriesFiles.Size];

    [GlobalSetup]
    public void Setup() => _files = Directory.GetFiles(SeriesFiles.Ensure(), "*.dcm").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Open every file and take its frame as native bytes (what pydicom's pixel_array returns as uint16).</summary>
    [Benchmark(Baseline = true)]
    public int ParseAndFrameBytes()
    {
        int total = 0;
        foreach (var f in _files) total += DicomFile.Open(f).GetPixelData().GetFrameBytes(0)[0];
        return total;
    }

    /// <summary>Open every file and decode its stored values (masked, as a new double[] per frame).</summary>
    [Benchmark]
    public double ParseAndStoredValues()
    {
        double total = 0;
        foreach (var f in _files) total += DicomFile.Open(f).GetPixelData().GetStoredValues(0)[0];
        return total;
    }

    /// <summary>The same into one reused buffer, as a series loader does (MultiEchoSeries).</summary>
    [Benchmark]
    public double ParseAndStoredValuesIntoBuffer()
    {
        double total = 0;
        foreach (var f in _files)
        {
            DicomFile.Open(f).GetPixelData().GetStoredValues(0, _buffer);
            total += _buffer[0];
        }
        return total;
    }

    /// <summary>Headers only (ReadPixelData = false), as a folder scan reads.</summary>
    [Benchmark]
    public int ParseHeadersOnly()
    {
        var options = DicomReadOptions.Default with { ReadPixelData = false };
        int total = 0;
        foreach (var f in _files) total += DicomFile.Open(f, options).Dataset.Count;
        return total;
    }
}
