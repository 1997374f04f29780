using IronNotebooks.Imaging;

namespace IronNotebooks.RoiEditor;

/// <summary>One acquisition the editor can show: a multi-echo series (R2*) or a single-echo weighted series (SIR).</summary>
public sealed class EditorAcquisition
{
    private readonly Lazy<MultiEchoSeries> _series;

    internal EditorAcquisition(string id, string label, string kind, int echoes, Func<MultiEchoSeries> load, string? frameOfReferenceUid)
    {
        Id = id;
        Label = label;
        Kind = kind;
        EchoCount = echoes;
        FrameOfReferenceUid = frameOfReferenceUid;
        _series = new Lazy<MultiEchoSeries>(load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Short id used in the page's requests ("a0", "a1", …): never a path.</summary>
    public string Id { get; }

    /// <summary>What the reader sees: series number and description, echo count.</summary>
    public string Label { get; }

    /// <summary>For DICOM the exam model's kind in camelCase (<c>multiEchoGradientEcho</c>, <c>multiEchoSpinEcho</c>, <c>signalRatioSequence</c>, <c>inOpposedPhase</c>, <c>other</c>); for NIfTI <c>multiEcho</c> or <c>singleEcho</c>.</summary>
    public string Kind { get; }

    /// <summary>Magnitude echoes.</summary>
    public int EchoCount { get; }

    /// <summary>DICOM Frame of Reference UID (0020,0052) of the series; null for NIfTI, which has none.</summary>
    public string? FrameOfReferenceUid { get; }

    /// <summary>The pixels, read on first use and kept.</summary>
    /// <exception cref="ImagingException">The files cannot be read as one series.</exception>
    public MultiEchoSeries Series => _series.Value;
}
