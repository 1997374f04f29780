using System.Numerics;

namespace IronNotebooks.Dicom;

/// <summary>UIDs this library writes.</summary>
public static class DicomUid
{
    /// <summary>Implementation Class UID written in the file meta information of files this library creates
    /// (a 2.25 UUID-derived UID, PS3.5 §B.2, fixed for the project).</summary>
    public const string ImplementationClassUid = "2.25.200338194152173522755776267084239106089";

    /// <summary>Implementation Version Name written beside it.</summary>
    public const string ImplementationVersionName = "IRONNB_0_1";

    /// <summary>MR Image Storage SOP class.</summary>
    public const string MRImageStorage = "1.2.840.10008.5.1.4.1.1.4";

    /// <summary>Enhanced MR Image Storage SOP class.</summary>
    public const string EnhancedMRImageStorage = "1.2.840.10008.5.1.4.1.1.4.1";

    /// <summary>A new globally unique UID under the 2.25 root, from a random UUID (PS3.5 §B.2).</summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[17];
        Guid.NewGuid().TryWriteBytes(bytes[..16], bigEndian: true, out _);
        bytes[16] = 0; // keeps the BigInteger positive when read little endian below
        bytes[..16].Reverse();
        return "2.25." + new BigInteger(bytes, isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
