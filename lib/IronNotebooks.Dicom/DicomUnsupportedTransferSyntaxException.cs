namespace IronNotebooks.Dicom;

/// <summary>The pixel data uses a transfer syntax this library cannot decode (named with its UID).</summary>
public sealed class DicomUnsupportedTransferSyntaxException : DicomException
{
    /// <summary>Creates the exception.</summary>
    public DicomUnsupportedTransferSyntaxException(DicomTransferSyntax transferSyntax, string? filePath = null, string? detail = null)
        : base($"Cannot decode pixel data in transfer syntax {transferSyntax.Uid} ({transferSyntax.Name}): {detail ?? "no decoder for it in this library"}. " +
               "Convert the file to an uncompressed syntax first, e.g. with DCMTK (dcmdjpls, or dcmconv +te) or GDCM (gdcmconv --raw).",
            filePath)
    {
        TransferSyntaxUid = transferSyntax.Uid;
    }

    /// <summary>The transfer syntax UID that could not be decoded.</summary>
    public string TransferSyntaxUid { get; }
}
