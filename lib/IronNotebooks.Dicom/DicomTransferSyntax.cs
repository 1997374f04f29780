namespace IronNotebooks.Dicom;

/// <summary>
/// A transfer syntax: how a dataset is encoded (VR explicit or implicit, byte order, deflate) and whether pixel data
/// is encapsulated (compressed). The registry <see cref="All"/> lists the syntaxes this library knows by name; whether
/// their pixel data can be decoded is a separate question answered by the pixel decoder registry.
/// </summary>
/// <param name="Uid">The transfer syntax UID.</param>
/// <param name="Name">Its name in PS3.6 Table A-1.</param>
/// <param name="IsExplicitVR">True when each element states its VR.</param>
/// <param name="IsBigEndian">True for the retired explicit VR big endian syntax.</param>
/// <param name="IsDeflated">True when the dataset after the file meta group is deflate-compressed (RFC 1951).</param>
/// <param name="IsEncapsulated">True when pixel data is stored as fragments of a compressed bit stream.</param>
/// <param name="IsLossy">True when the compression may lose information.</param>
public sealed record DicomTransferSyntax(string Uid, string Name, bool IsExplicitVR, bool IsBigEndian, bool IsDeflated,
    bool IsEncapsulated, bool IsLossy)
{
#pragma warning disable CS1591 // each is named by its UID's standard name
    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = Native("1.2.840.10008.1.2", "Implicit VR Little Endian", explicitVR: false);
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = Native("1.2.840.10008.1.2.1", "Explicit VR Little Endian");
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false, false);
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, true, false, false, false);
    public static readonly DicomTransferSyntax EncapsulatedUncompressed = Encapsulated("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", false);
    public static readonly DicomTransferSyntax JpegBaseline = Encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true);
    public static readonly DicomTransferSyntax JpegExtended = Encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true);
    public static readonly DicomTransferSyntax JpegLossless = Encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", false);
    public static readonly DicomTransferSyntax JpegLosslessSV1 = Encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", false);
    public static readonly DicomTransferSyntax JpegLsLossless = Encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", false);
    public static readonly DicomTransferSyntax JpegLsNearLossless = Encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", true);
    public static readonly DicomTransferSyntax Jpeg2000Lossless = Encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", false);
    public static readonly DicomTransferSyntax Jpeg2000 = Encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true);
    public static readonly DicomTransferSyntax HtJpeg2000Lossless = Encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 (Lossless Only)", false);
    public static readonly DicomTransferSyntax HtJpeg2000LosslessRpcl = Encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options (Lossless Only)", false);
    public static readonly DicomTransferSyntax HtJpeg2000 = Encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000", true);
    public static readonly DicomTransferSyntax RleLossless = Encapsulated("1.2.840.10008.1.2.5", "RLE Lossless", false);
    public static readonly DicomTransferSyntax DeflatedImageFrameCompression = Encapsulated("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", false);
#pragma warning restore CS1591

    /// <summary>Every transfer syntax this library knows by name.</summary>
    public static IReadOnlyList<DicomTransferSyntax> All { get; } =
    [
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian,
        EncapsulatedUncompressed, JpegBaseline, JpegExtended, JpegLossless, JpegLosslessSV1, JpegLsLossless,
        JpegLsNearLossless, Jpeg2000Lossless, Jpeg2000, HtJpeg2000Lossless, HtJpeg2000LosslessRpcl, HtJpeg2000, RleLossless,
        DeflatedImageFrameCompression,
    ];

    private static readonly Dictionary<string, DicomTransferSyntax> ByUid = All.ToDictionary(t => t.Uid);

    /// <summary>
    /// The syntax for a UID. An unknown UID is taken as an encapsulated explicit VR little endian syntax (PS3.5 §10:
    /// every compressed syntax encodes the dataset that way), so the header can still be read; its pixel data then
    /// fails with <see cref="DicomUnsupportedTransferSyntaxException"/>.
    /// </summary>
    public static DicomTransferSyntax FromUid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var clean = uid.Trim().TrimEnd('\0');
        return ByUid.TryGetValue(clean, out var ts) ? ts : new DicomTransferSyntax(clean, "unknown transfer syntax", true, false, false, true, true);
    }

    /// <summary>True when the UID is in <see cref="All"/>.</summary>
    public static bool IsKnown(string uid) => ByUid.ContainsKey(uid.Trim().TrimEnd('\0'));

    private static DicomTransferSyntax Native(string uid, string name, bool explicitVR = true) =>
        new(uid, name, explicitVR, false, false, false, false);

    private static DicomTransferSyntax Encapsulated(string uid, string name, bool lossy) =>
        new(uid, name, true, false, false, true, lossy);

    /// <inheritdoc />
    public override string ToString() => $"{Uid} ({Name})";
}
