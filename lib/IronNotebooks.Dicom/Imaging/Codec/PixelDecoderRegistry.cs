namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// Pixel decoders by transfer syntax UID. Adding a codec is one <see cref="Register"/> call; the built-in ones are
/// registered when the registry is first used.
/// </summary>
public static class PixelDecoderRegistry
{
    private static readonly Dictionary<string, IPixelDecoder> Decoders = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    static PixelDecoderRegistry()
    {
        Register(new RleDecoder());
        Register(new DeflatedFrameDecoder());
        Register(new EncapsulatedUncompressedDecoder());
        Register(new JpegLosslessDecoder());
        Register(new JpegDctDecoder());
        Register(new JpegLsDecoder());
        Register(new Jpeg2000.Jpeg2000Decoder());
    }

    /// <summary>Registers (or replaces) a decoder for each UID it names.</summary>
    public static void Register(IPixelDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        lock (Gate)
            foreach (var uid in decoder.TransferSyntaxUids) Decoders[uid] = decoder;
    }

    /// <summary>The decoder for a transfer syntax UID, if one is registered.</summary>
    public static bool TryGet(string transferSyntaxUid, out IPixelDecoder decoder)
    {
        lock (Gate) return Decoders.TryGetValue(transferSyntaxUid, out decoder!);
    }

    /// <summary>UIDs that have a decoder.</summary>
    public static IReadOnlyList<string> SupportedUids
    {
        get { lock (Gate) return [.. Decoders.Keys.Order(StringComparer.Ordinal)]; }
    }
}
