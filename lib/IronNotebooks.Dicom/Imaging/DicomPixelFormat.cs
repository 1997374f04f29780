namespace IronNotebooks.Dicom.Imaging;

/// <summary>
/// The Image Pixel module attributes that say how pixel values are laid out (PS3.3 §C.7.6.3).
/// </summary>
/// <param name="Rows">(0028,0010) rows.</param>
/// <param name="Columns">(0028,0011) columns.</param>
/// <param name="SamplesPerPixel">(0028,0002) 1 for grey, 3 for colour.</param>
/// <param name="BitsAllocated">(0028,0100) 1, 8, 16, 32 or 64 bits per sample as stored.</param>
/// <param name="BitsStored">(0028,0101) significant bits of each sample.</param>
/// <param name="HighBit">(0028,0102) most significant stored bit (normally BitsStored − 1).</param>
/// <param name="PixelRepresentation">(0028,0103) 0 unsigned, 1 two's complement.</param>
/// <param name="PlanarConfiguration">(0028,0006) 0 colour-by-pixel, 1 colour-by-plane (native data only).</param>
/// <param name="PhotometricInterpretation">(0028,0004) e.g. MONOCHROME2, RGB, YBR_FULL_422.</param>
/// <param name="NumberOfFrames">(0028,0008) frames, 1 when absent.</param>
/// <param name="IsFloat">True for Float (7FE0,0008) or Double Float (7FE0,0009) Pixel Data.</param>
public sealed record DicomPixelFormat(int Rows, int Columns, int SamplesPerPixel, int BitsAllocated, int BitsStored,
    int HighBit, int PixelRepresentation, int PlanarConfiguration, string PhotometricInterpretation, int NumberOfFrames,
    bool IsFloat = false)
{
    /// <summary>Samples in one frame (rows × columns × samples per pixel).</summary>
    public long SamplesPerFrame => (long)Rows * Columns * SamplesPerPixel;

    /// <summary>
    /// Bytes of one decoded frame in native layout: packed bits for 1-bit data (rounded up to whole bytes), otherwise
    /// samples × BitsAllocated / 8.
    /// </summary>
    public long FrameByteLength => BitsAllocated == 1 ? (SamplesPerFrame + 7) / 8 : SamplesPerFrame * (BitsAllocated / 8);

    /// <summary>True when samples are two's complement.</summary>
    public bool IsSigned => PixelRepresentation == 1;
}
