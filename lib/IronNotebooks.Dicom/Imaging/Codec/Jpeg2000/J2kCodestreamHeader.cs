using System.Buffers.Binary;

namespace IronNotebooks.Dicom.Imaging.Codec.Jpeg2000;

/// <summary>One component of a JPEG 2000 image as its SIZ marker describes it (ISO/IEC 15444-1 §A.5.1).</summary>
public sealed record J2kComponent
{
    /// <summary>Bits per sample (Ssiz &amp; 0x7F) + 1, 1–38.</summary>
    public required int Precision { get; init; }

    /// <summary>True when samples are signed (Ssiz bit 7).</summary>
    public required bool IsSigned { get; init; }

    /// <summary>Horizontal separation XRsiz (1 = not subsampled).</summary>
    public required int HorizontalSeparation { get; init; }

    /// <summary>Vertical separation YRsiz (1 = not subsampled).</summary>
    public required int VerticalSeparation { get; init; }
}

/// <summary>
/// The main header of a JPEG 2000 codestream (Part 1, and Part 15 HTJ2K, which keeps the same markers), read and
/// checked in C# before any byte reaches the native decoder: SOC, SIZ, then the marker segments up to the first SOT.
/// </summary>
/// <remarks>
/// OpenJPEG trusts the sizes in the SIZ marker to allocate its buffers, so a corrupt or hostile header is the most
/// likely way to make native code misbehave. Requiring the image to be exactly the DICOM Rows × Columns × Samples per
/// Pixel, with a precision that fits Bits Allocated and no subsampling, bounds every allocation OpenJPEG makes by the
/// frame the DICOM reader has already accepted.
/// </remarks>
public sealed record J2kCodestreamHeader
{
    private const ushort Soc = 0xFF4F, Siz = 0xFF51, Cod = 0xFF52, Qcd = 0xFF5C, Sot = 0xFF90, Cap = 0xFF50;

    /// <summary>Byte offset of the SOC marker in the DICOM frame (non-zero when the frame is wrapped in a JP2 file).</summary>
    public required int CodestreamOffset { get; init; }

    /// <summary>Length of the codestream from SOC to the end of the frame (or of the JP2 'jp2c' box).</summary>
    public required int CodestreamLength { get; init; }

    /// <summary>Image width (Xsiz − XOsiz) in samples.</summary>
    public required int Width { get; init; }

    /// <summary>Image height (Ysiz − YOsiz) in samples.</summary>
    public required int Height { get; init; }

    /// <summary>The components in order.</summary>
    public required IReadOnlyList<J2kComponent> Components { get; init; }

    /// <summary>Number of tiles the image is split into.</summary>
    public required int TileCount { get; init; }

    /// <summary>True when the main header has a CAP marker (Part 15: the codestream uses HT code-blocks).</summary>
    public required bool IsHighThroughput { get; init; }

    /// <summary>Wavelet decomposition levels from the COD marker.</summary>
    public required int DecompositionLevels { get; init; }

    /// <summary>True when COD selects the reversible 5-3 wavelet (lossless-capable).</summary>
    public required bool IsReversible { get; init; }

    /// <summary>
    /// Reads the main header of one DICOM JPEG 2000 frame and checks it against the image description.
    /// </summary>
    /// <param name="frame">The frame's bytes: a raw codestream (PS3.5 §A.4.4), or a JP2 file, which some writers
    /// emit and which is unwrapped to its 'jp2c' codestream.</param>
    /// <param name="format">What the DICOM header says the frame holds.</param>
    /// <exception cref="InvalidDataException">The header is corrupt or disagrees with <paramref name="format"/>; the
    /// message names the marker and the byte offset in the frame.</exception>
    /// <exception cref="NotSupportedException">A valid codestream uses subsampled components.</exception>
    public static J2kCodestreamHeader Read(ReadOnlySpan<byte> frame, DicomPixelFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var (start, length) = LocateCodestream(frame);
        var cs = frame.Slice(start, length);
        if (cs.Length < 4 || BinaryPrimitives.ReadUInt16BigEndian(cs) != Soc)
            throw Invalid("the frame does not start with the SOC marker FF4F", start);
        if (BinaryPrimitives.ReadUInt16BigEndian(cs[2..]) != Siz)
            throw Invalid("SOC is not followed by the SIZ marker FF51", start + 2);

        // SIZ: Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz {Ssiz XRsiz YRsiz}.
        var siz = Segment(cs, 2, start);
        if (siz.Length < 38) throw Invalid($"SIZ marker segment is {siz.Length + 2} bytes, at least 41 are needed", start + 4);
        uint xsiz = Be32(siz, 2), ysiz = Be32(siz, 6), xo = Be32(siz, 10), yo = Be32(siz, 14);
        uint xt = Be32(siz, 18), yt = Be32(siz, 22), xto = Be32(siz, 26), yto = Be32(siz, 30);
        int csiz = BinaryPrimitives.ReadUInt16BigEndian(siz[34..]);
        if (csiz < 1 || csiz > 16384) throw Invalid($"SIZ gives {csiz} components (1–16384 allowed)", start + 40);
        if (siz.Length != 36 + 3 * csiz)
            throw Invalid($"SIZ marker segment length {siz.Length + 2} does not match {csiz} component(s) ({38 + 3 * csiz} expected)", start + 4);
        if (xsiz <= xo || ysiz <= yo)
            throw Invalid($"SIZ image area is empty (Xsiz {xsiz}, XOsiz {xo}, Ysiz {ysiz}, YOsiz {yo})", start + 8);
        if (xt == 0 || yt == 0 || xto > xo || yto > yo || (ulong)xto + xt <= xo || (ulong)yto + yt <= yo)
            throw Invalid($"SIZ tiling is invalid (tile {xt}×{yt} at offset {xto},{yto}, image offset {xo},{yo})", start + 24);
        long width = xsiz - xo, height = ysiz - yo;
        if (width != format.Columns || height != format.Rows)
            throw Invalid($"the codestream image is {width}×{height}, the DICOM header says Columns {format.Columns} × Rows {format.Rows}", start + 8);
        long tiles = (((long)xsiz - xto + xt - 1) / xt) * (((long)ysiz - yto + yt - 1) / yt);
        if (tiles > 65535) throw Invalid($"SIZ tiling gives {tiles} tiles (at most 65535 can be indexed)", start + 24);
        if (csiz != format.SamplesPerPixel)
            throw Invalid($"the codestream has {csiz} component(s), the DICOM header says Samples per Pixel {format.SamplesPerPixel}", start + 40);

        var components = new J2kComponent[csiz];
        for (int c = 0; c < csiz; c++)
        {
            byte ssiz = siz[36 + 3 * c];
            var component = new J2kComponent
            {
                Precision = (ssiz & 0x7F) + 1, IsSigned = (ssiz & 0x80) != 0,
                HorizontalSeparation = siz[37 + 3 * c], VerticalSeparation = siz[38 + 3 * c],
            };
            int at = start + 4 + 38 + 3 * c;
            if (component.Precision > 38) throw Invalid($"component {c} has precision {component.Precision} (at most 38)", at);
            int fits = format.BitsAllocated == 1 ? 1 : format.BitsAllocated;
            if (component.Precision > fits)
                throw Invalid($"component {c} has {component.Precision}-bit samples, more than Bits Allocated {format.BitsAllocated} holds", at);
            if (component.HorizontalSeparation == 0 || component.VerticalSeparation == 0)
                throw Invalid($"component {c} has a zero sample separation", at + 1);
            if (component.HorizontalSeparation != 1 || component.VerticalSeparation != 1)
                throw new NotSupportedException($"JPEG 2000: component {c} is subsampled ({component.HorizontalSeparation}×{component.VerticalSeparation}); DICOM frames with subsampled JPEG 2000 components are not supported");
            components[c] = component;
        }

        // The other main-header marker segments up to the first tile-part: each must fit, COD and QCD must be there.
        int pos = 4 + siz.Length + 2;
        bool haveCod = false, haveQcd = false, isHt = false, reversible = false;
        int levels = 0;
        while (true)
        {
            if (pos + 2 > cs.Length) throw Invalid("the main header ends before the first SOT marker (FF90)", start + pos);
            ushort marker = BinaryPrimitives.ReadUInt16BigEndian(cs[pos..]);
            if (marker == Sot) break;
            if (marker < 0xFF30) throw Invalid($"expected a marker in the main header, found 0x{marker:X4}", start + pos);
            if (marker is >= 0xFF30 and <= 0xFF3F) { pos += 2; continue; }   // reserved markers without a segment
            var body = Segment(cs, pos, start);
            switch (marker)
            {
                case Siz: throw Invalid("a second SIZ marker in the main header", start + pos);
                case Cap: isHt = true; break;
                case Cod:
                    if (body.Length < 10) throw Invalid($"COD marker segment is {body.Length + 2} bytes, at least 12 are needed", start + pos);
                    haveCod = true;
                    // Body: Scod, progression order, layers (2), MCT, then SPcod: levels, xcb, ycb, style, transform.
                    levels = body[5];
                    if (levels > 32) throw Invalid($"COD asks for {levels} decomposition levels (at most 32)", start + pos + 9);
                    int xcb = body[6] + 2, ycb = body[7] + 2;
                    if (xcb > 10 || ycb > 10 || xcb + ycb > 12)
                        throw Invalid($"COD code-block size 2^{xcb}×2^{ycb} is outside the allowed range", start + pos + 10);
                    reversible = body[9] == 1;   // 1 = 5-3 reversible wavelet, 0 = 9-7 irreversible
                    break;
                case Qcd: haveQcd = true; break;
            }
            pos += 2 + body.Length + 2;
        }
        if (!haveCod) throw Invalid("the main header has no COD marker", start + pos);
        if (!haveQcd) throw Invalid("the main header has no QCD marker", start + pos);
        return new J2kCodestreamHeader
        {
            CodestreamOffset = start, CodestreamLength = length, Width = (int)width, Height = (int)height,
            Components = components, TileCount = (int)tiles, IsHighThroughput = isHt, DecompositionLevels = levels,
            IsReversible = reversible,
        };
    }

    /// <summary>The body of the marker segment whose marker is at <paramref name="markerAt"/> (after its length field).</summary>
    private static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> cs, int markerAt, int start)
    {
        if (markerAt + 4 > cs.Length) throw Invalid("a marker segment is cut off by the end of the frame", start + markerAt);
        int length = BinaryPrimitives.ReadUInt16BigEndian(cs[(markerAt + 2)..]);
        if (length < 2) throw Invalid($"marker 0x{BinaryPrimitives.ReadUInt16BigEndian(cs[markerAt..]):X4} has segment length {length}", start + markerAt + 2);
        if (markerAt + 2 + length > cs.Length)
            throw Invalid($"marker 0x{BinaryPrimitives.ReadUInt16BigEndian(cs[markerAt..]):X4} segment of {length} bytes runs past the end of the frame", start + markerAt + 2);
        return cs.Slice(markerAt + 4, length - 2);
    }

    /// <summary>
    /// Where the codestream is: the whole frame, or the contents of the 'jp2c' box when the frame is a JP2 file
    /// (signature box 0000000C 6A502020).
    /// </summary>
    private static (int Start, int Length) LocateCodestream(ReadOnlySpan<byte> frame)
    {
        ReadOnlySpan<byte> signature = [0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20];
        if (!frame.StartsWith(signature)) return (0, frame.Length);
        int pos = 0;
        while (pos + 8 <= frame.Length)
        {
            ulong boxLength = BinaryPrimitives.ReadUInt32BigEndian(frame[pos..]);
            uint type = BinaryPrimitives.ReadUInt32BigEndian(frame[(pos + 4)..]);
            int header = 8;
            if (boxLength == 1)
            {
                if (pos + 16 > frame.Length) break;
                boxLength = BinaryPrimitives.ReadUInt64BigEndian(frame[(pos + 8)..]);
                header = 16;
            }
            else if (boxLength == 0) boxLength = (ulong)(frame.Length - pos);
            if (boxLength < (ulong)header || boxLength > (ulong)(frame.Length - pos))
                throw Invalid($"JP2 box of {boxLength} bytes does not fit in the frame", pos);
            if (type == 0x6A703263) return (pos + header, (int)boxLength - header);   // 'jp2c'
            pos += (int)boxLength;
        }
        throw Invalid("the JP2 file in the frame has no 'jp2c' codestream box", pos);
    }

    private static uint Be32(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt32BigEndian(s[at..]);

    private static InvalidDataException Invalid(string message, int offset) =>
        new($"JPEG 2000: {message} (byte offset {offset} in the compressed frame).");
}
