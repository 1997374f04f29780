using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace IronNotebooks.Dicom.Imaging.Codec.Jpeg2000;

/// <summary>
/// Decodes JPEG 2000 (1.2.840.10008.1.2.4.90 lossless, .91 lossy) and High-Throughput JPEG 2000 (.201 lossless,
/// .202 lossless RPCL, .203) frames with OpenJPEG, the reference implementation GDCM and pydicom's plugins use.
/// </summary>
/// <remarks>
/// <para>Every frame's main header is read and checked in C# first (<see cref="J2kCodestreamHeader"/>): size,
/// components, precision and tiling must agree with the DICOM header, so OpenJPEG never sizes a buffer from an
/// unchecked field. The codestream is then fed to OpenJPEG from memory through its stream callbacks (no temporary
/// file); OpenJPEG's own error messages are kept and reported.</para>
/// <para>Output: each component's samples as the bit pattern of its precision, 1 byte when Bits Allocated is 8,
/// 2 little-endian bytes for 16, 4 for 32, packed bits for 1; components interleaved per pixel. A multi-component
/// transform (Photometric Interpretation YBR_RCT/YBR_ICT) is undone by OpenJPEG, so those frames come out as RGB.</para>
/// <para>When OpenJPEG is not installed, <see cref="Decode"/> throws <see cref="DllNotFoundException"/> whose message
/// says what to install on each platform; <see cref="DicomPixelData"/> reports it as
/// <see cref="DicomUnsupportedTransferSyntaxException"/>.</para>
/// </remarks>
public sealed class Jpeg2000Decoder : IPixelDecoder
{
    // OpenJPEG's parameter block (opj_dparameters_t, about 8.3 KB in 2.x, mostly two path buffers) is filled by the
    // library itself; a larger zeroed block keeps us independent of its exact layout.
    private const int ParameterBlockBytes = 32 * 1024;
    private const int CodecJ2k = 0;                   // OPJ_CODEC_J2K: a raw codestream
    private const int StreamChunkBytes = 1 << 20;     // OPJ_J2K_STREAM_CHUNK_SIZE

    private readonly Func<(OpenJpegLibrary? Library, string Failure)> _library;

    /// <summary>Uses the OpenJPEG library found by the default probing (see <see cref="Version"/>).</summary>
    public Jpeg2000Decoder() : this(() => OpenJpegLibrary.Default) { }

    /// <summary>Probes only <paramref name="libraryCandidates"/> (tests of the missing-library path).</summary>
    internal Jpeg2000Decoder(IReadOnlyList<string> libraryCandidates)
        : this(() => OpenJpegLibrary.TryLoad(libraryCandidates)) { }

    private Jpeg2000Decoder(Func<(OpenJpegLibrary?, string)> library) => _library = library;

    /// <summary>JPEG 2000 lossless and lossy; HTJ2K lossless, lossless RPCL and lossy.</summary>
    public IReadOnlyList<string> TransferSyntaxUids { get; } =
    [
        DicomTransferSyntax.Jpeg2000Lossless.Uid, DicomTransferSyntax.Jpeg2000.Uid,
        DicomTransferSyntax.HtJpeg2000Lossless.Uid, DicomTransferSyntax.HtJpeg2000LosslessRpcl.Uid, DicomTransferSyntax.HtJpeg2000.Uid,
    ];

    /// <summary>The OpenJPEG version in use (e.g. "2.5.0 from libopenjp2.so.7"), or null when it is not installed.</summary>
    public static string? Version => OpenJpegLibrary.Default.Library is { } l ? $"{l.Version} from {l.LoadedFrom}" : null;

    /// <inheritdoc />
    /// <exception cref="DllNotFoundException">OpenJPEG is not installed; the message says how to install it.</exception>
    public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (destination.Length != format.FrameByteLength)
            throw new ArgumentException($"Destination is {destination.Length} bytes but one frame needs {format.FrameByteLength}.", nameof(destination));
        if (format.IsFloat)
            throw new InvalidDataException("JPEG 2000 pixel data cannot hold floating-point pixels.");
        if (format.BitsAllocated is not (1 or 8 or 16 or 32))
            throw new InvalidDataException($"JPEG 2000 pixel data needs Bits Allocated 1, 8, 16 or 32, the data set says {format.BitsAllocated}.");

        var header = J2kCodestreamHeader.Read(compressed, format);
        var (library, failure) = _library();
        if (library is null) throw new DllNotFoundException(failure);

        if (format.BitsAllocated == 1) destination.Clear();   // packed bits are OR-ed in
        var codestream = compressed.Slice(header.CodestreamOffset, header.CodestreamLength).ToArray();
        var components = DecodeWithOpenJpeg(library, codestream, header, format);
        Interleave(components, header, format, destination);
    }

    /// <summary>Runs OpenJPEG over one codestream and returns each component's samples (row by row).</summary>
    private static int[][] DecodeWithOpenJpeg(OpenJpegLibrary lib, byte[] codestream, J2kCodestreamHeader header, DicomPixelFormat format)
    {
        var messages = new List<string>();
        long position = 0;
        // The callbacks must stay reachable while native code may call them: they are locals used after the last
        // native call (GC.KeepAlive below).
        OpenJpegLibrary.MessageCallback onError = (msg, _) => { if (messages.Count < 8) messages.Add((Marshal.PtrToStringAnsi(msg) ?? "").Trim()); };
        OpenJpegLibrary.MessageCallback onWarning = (_, _) => { };
        OpenJpegLibrary.StreamReadCallback read = (buffer, count, _) =>
        {
            long left = codestream.Length - position;
            if (left <= 0) return UIntPtr.MaxValue;   // (OPJ_SIZE_T)-1: end of stream
            int n = (int)Math.Min((ulong)left, (ulong)count);
            Marshal.Copy(codestream, (int)position, buffer, n);
            position += n;
            return (UIntPtr)n;
        };
        OpenJpegLibrary.StreamSkipCallback skip = (count, _) =>
        {
            long target = Math.Clamp(position + count, 0, codestream.Length);
            long moved = target - position;
            position = target;
            return moved;
        };
        OpenJpegLibrary.StreamSeekCallback seek = (target, _) =>
        {
            if (target < 0 || target > codestream.Length) return 0;
            position = target;
            return 1;
        };

        IntPtr codec = IntPtr.Zero, stream = IntPtr.Zero, image = IntPtr.Zero;
        IntPtr parameters = Marshal.AllocHGlobal(ParameterBlockBytes);
        try
        {
            Marshal.Copy(new byte[ParameterBlockBytes], 0, parameters, ParameterBlockBytes);
            codec = lib.CreateDecompress(CodecJ2k);
            if (codec == IntPtr.Zero) throw new InvalidOperationException("OpenJPEG could not create a decoder");
            lib.SetErrorHandler(codec, onError, IntPtr.Zero);
            lib.SetWarningHandler(codec, onWarning, IntPtr.Zero);
            lib.SetDefaultDecoderParameters(parameters);
            if (lib.SetupDecoder(codec, parameters) == 0) throw Failed("setting up the decoder", messages);

            stream = lib.StreamCreate((UIntPtr)StreamChunkBytes, 1);
            if (stream == IntPtr.Zero) throw new InvalidOperationException("OpenJPEG could not create a stream");
            lib.StreamSetReadFunction(stream, read);
            lib.StreamSetSkipFunction(stream, skip);
            lib.StreamSetSeekFunction(stream, seek);
            lib.StreamSetUserData(stream, IntPtr.Zero, IntPtr.Zero);
            lib.StreamSetUserDataLength(stream, (ulong)codestream.Length);

            if (lib.ReadHeader(stream, codec, out image) == 0 || image == IntPtr.Zero) throw Failed("reading the main header", messages);
            if (lib.Decode(codec, stream, image) == 0) throw Failed("decoding the tiles", messages);
            if (lib.EndDecompress(codec, stream) == 0) throw Failed("finishing the codestream", messages);
            return ReadImage(image, header, format);
        }
        finally
        {
            if (image != IntPtr.Zero) lib.ImageDestroy(image);
            if (stream != IntPtr.Zero) lib.StreamDestroy(stream);
            if (codec != IntPtr.Zero) lib.DestroyCodec(codec);
            Marshal.FreeHGlobal(parameters);
            GC.KeepAlive(onError);
            GC.KeepAlive(onWarning);
            GC.KeepAlive(read);
            GC.KeepAlive(skip);
            GC.KeepAlive(seek);
        }
    }

    /// <summary>Copies the components out of OpenJPEG's opj_image_t after checking it is the image the header promised.</summary>
    private static int[][] ReadImage(IntPtr image, J2kCodestreamHeader header, DicomPixelFormat format)
    {
        // opj_image_t: x0 y0 x1 y1 numcomps color_space (six 32-bit fields), then the comps pointer.
        // opj_image_comp_t: dx dy w h x0 y0 prec bpp sgnd resno_decoded factor (eleven 32-bit fields), data, alpha.
        int ptr = IntPtr.Size;
        int dataOffset = Align(44, ptr), compSize = Align(dataOffset + ptr + 2, ptr);
        int numcomps = Marshal.ReadInt32(image, 16);
        IntPtr comps = Marshal.ReadIntPtr(image, 24);
        if (numcomps != header.Components.Count || comps == IntPtr.Zero)
            throw new InvalidDataException($"JPEG 2000: OpenJPEG decoded {numcomps} component(s), the main header has {header.Components.Count}.");
        var result = new int[numcomps][];
        long samples = (long)format.Rows * format.Columns;
        for (int c = 0; c < numcomps; c++)
        {
            IntPtr comp = comps + c * compSize;
            int dx = Marshal.ReadInt32(comp, 0), dy = Marshal.ReadInt32(comp, 4);
            int w = Marshal.ReadInt32(comp, 8), h = Marshal.ReadInt32(comp, 12);
            int prec = Marshal.ReadInt32(comp, 24), factor = Marshal.ReadInt32(comp, 40);
            IntPtr data = Marshal.ReadIntPtr(comp, dataOffset);
            var expected = header.Components[c];
            if (dx != 1 || dy != 1 || w != format.Columns || h != format.Rows || factor != 0 || prec != expected.Precision || data == IntPtr.Zero)
                throw new InvalidDataException($"JPEG 2000: OpenJPEG decoded component {c} as {w}×{h} at {prec} bits (separation {dx}×{dy}, reduction {factor}); the frame is {format.Columns}×{format.Rows} at {expected.Precision} bits.");
            result[c] = new int[samples];
            Marshal.Copy(data, result[c], 0, (int)samples);
        }
        return result;
    }

    /// <summary>Writes the components interleaved per pixel in the DICOM native layout.</summary>
    private static void Interleave(int[][] components, J2kCodestreamHeader header, DicomPixelFormat format, Span<byte> destination)
    {
        int spp = components.Length;
        long pixels = (long)format.Rows * format.Columns;
        for (int c = 0; c < spp; c++)
        {
            var comp = header.Components[c];
            long min = comp.IsSigned ? -(1L << (comp.Precision - 1)) : 0;
            long max = comp.IsSigned ? (1L << (comp.Precision - 1)) - 1 : (1L << comp.Precision) - 1;
            var values = components[c];
            for (long i = 0; i < pixels; i++)
            {
                int v = values[i];
                if (v < min || v > max)
                    throw new InvalidDataException($"JPEG 2000: component {c} sample {i} is {v}, outside its {comp.Precision}-bit {(comp.IsSigned ? "signed" : "unsigned")} range.");
                long s = i * spp + c;
                switch (format.BitsAllocated)
                {
                    case 1: if (v != 0) destination[(int)(s >> 3)] |= (byte)(1 << (int)(s & 7)); break;   // first pixel in the lowest bit
                    case 8: destination[(int)s] = (byte)v; break;
                    case 16: BinaryPrimitives.WriteUInt16LittleEndian(destination[(int)(2 * s)..], (ushort)v); break;
                    default: BinaryPrimitives.WriteInt32LittleEndian(destination[(int)(4 * s)..], v); break;
                }
            }
        }
    }

    private static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private static InvalidDataException Failed(string stage, List<string> messages) =>
        new($"JPEG 2000: OpenJPEG failed {stage}{(messages.Count > 0 ? ": " + string.Join("; ", messages) : "")}.");
}
