using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using IronNotebooks.Dicom.Imaging.Codec;

namespace IronNotebooks.Dicom.Imaging;

/// <summary>
/// Pixel data of one DICOM object: its layout (<see cref="Format"/>), what each frame says about itself
/// (<see cref="Frames"/>) and access to each frame as stored bytes, stored values, rescaled values and Philips
/// floating-point values. Frames are decoded on demand; nothing is cached.
/// </summary>
public sealed class DicomPixelData
{
    /// <summary>Largest decoded frame accepted, in bytes; guards against corrupt Rows/Columns in compressed files.</summary>
    public const long MaxFrameBytes = 1L << 30;

    private readonly DicomElement _element;
    private readonly string? _path;

    private DicomPixelData(DicomPixelFormat format, DicomTransferSyntax ts, DicomElement element,
        IReadOnlyList<DicomFrameInfo> frames, string? path)
    {
        Format = format;
        TransferSyntax = ts;
        _element = element;
        Frames = frames;
        _path = path;
    }

    /// <summary>The pixel layout.</summary>
    public DicomPixelFormat Format { get; }

    /// <summary>The transfer syntax of the pixel data.</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>Per-frame echo time, rescale, scale factors and geometry.</summary>
    public IReadOnlyList<DicomFrameInfo> Frames { get; }

    /// <summary>Number of frames.</summary>
    public int NumberOfFrames => Format.NumberOfFrames;

    /// <summary>Reads the Image Pixel description and locates the pixel data.</summary>
    /// <exception cref="DicomException">Pixel data absent, description missing or inconsistent, or native data shorter than described.</exception>
    public static DicomPixelData Create(DicomDataset ds, DicomTransferSyntax ts, string? path = null)
    {
        var element = ds.Find(DicomTags.PixelData) ?? ds.Find(DicomTags.FloatPixelData) ?? ds.Find(DicomTags.DoubleFloatPixelData)
            ?? throw new DicomMissingTagException(DicomTags.PixelData, "The object has no Pixel Data, Float Pixel Data or Double Float Pixel Data", path);
        bool isFloat = element.Tag != DicomTags.PixelData;

        int Required(DicomTag tag, int min, int max)
        {
            int v = ds.GetInt(tag);
            if (v < min || v > max)
                throw new DicomFormatException($"Value {v} is outside the valid range {min}–{max}", path, ds.Find(tag)?.ByteOffset, tag);
            return v;
        }

        int rows = Required(DicomTags.Rows, 1, 65535);
        int columns = Required(DicomTags.Columns, 1, 65535);
        int bitsAllocated = Required(DicomTags.BitsAllocated, 1, 64);
        if (bitsAllocated != 1 && bitsAllocated % 8 != 0)
            throw new DicomFormatException($"Bits Allocated {bitsAllocated} is neither 1 nor a multiple of 8", path, ds.Find(DicomTags.BitsAllocated)?.ByteOffset, DicomTags.BitsAllocated);
        if (isFloat && bitsAllocated != (element.Tag == DicomTags.FloatPixelData ? 32 : 64))
            throw new DicomFormatException($"Bits Allocated {bitsAllocated} does not match {DicomDictionary.NameOf(element.Tag)}", path, element.ByteOffset, DicomTags.BitsAllocated);
        if (!isFloat && bitsAllocated > 32)
            throw new DicomFormatException($"Bits Allocated {bitsAllocated} for integer Pixel Data is not supported (at most 32)", path, ds.Find(DicomTags.BitsAllocated)?.ByteOffset, DicomTags.BitsAllocated);
        int bitsStored = isFloat ? bitsAllocated : ds.TryGetInt(DicomTags.BitsStored, out var bs) ? bs : bitsAllocated;
        if (bitsStored < 1 || bitsStored > bitsAllocated)
            throw new DicomFormatException($"Bits Stored {bitsStored} must be between 1 and Bits Allocated {bitsAllocated}", path, ds.Find(DicomTags.BitsStored)?.ByteOffset, DicomTags.BitsStored);
        int highBit = isFloat ? bitsAllocated - 1 : ds.GetIntOrDefault(DicomTags.HighBit, bitsStored - 1);
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated)
            throw new DicomFormatException($"High Bit {highBit} must be between Bits Stored − 1 ({bitsStored - 1}) and Bits Allocated − 1 ({bitsAllocated - 1})", path, ds.Find(DicomTags.HighBit)?.ByteOffset, DicomTags.HighBit);
        int samples = ds.GetIntOrDefault(DicomTags.SamplesPerPixel, 1);
        if (samples is < 1 or > 4) throw new DicomFormatException($"Samples per Pixel {samples} is outside 1–4", path, ds.Find(DicomTags.SamplesPerPixel)?.ByteOffset, DicomTags.SamplesPerPixel);
        int representation = ds.GetIntOrDefault(DicomTags.PixelRepresentation, 0);
        if (representation is not (0 or 1)) throw new DicomFormatException($"Pixel Representation {representation} is neither 0 nor 1", path, ds.Find(DicomTags.PixelRepresentation)?.ByteOffset, DicomTags.PixelRepresentation);
        int planar = samples > 1 ? ds.GetIntOrDefault(DicomTags.PlanarConfiguration, 0) : 0;
        if (planar is not (0 or 1)) throw new DicomFormatException($"Planar Configuration {planar} is neither 0 nor 1", path, ds.Find(DicomTags.PlanarConfiguration)?.ByteOffset, DicomTags.PlanarConfiguration);
        int frames = ds.Contains(DicomTags.NumberOfFrames) && ds.TryGetInt(DicomTags.NumberOfFrames, out var nf) ? nf : 1;
        if (frames < 1) throw new DicomFormatException($"Number of Frames {frames} must be at least 1", path, ds.Find(DicomTags.NumberOfFrames)?.ByteOffset, DicomTags.NumberOfFrames);
        string photometric = ds.GetStringOrDefault(DicomTags.PhotometricInterpretation, samples == 1 ? "MONOCHROME2" : "RGB")!;

        var format = new DicomPixelFormat(rows, columns, samples, bitsAllocated, bitsStored, highBit, representation, planar,
            photometric, frames, isFloat);
        if (format.FrameByteLength > MaxFrameBytes)
            throw new DicomFormatException($"One frame of {rows}×{columns}×{samples} at {bitsAllocated} bits would need {format.FrameByteLength} bytes, more than the {MaxFrameBytes}-byte limit", path, element.ByteOffset, element.Tag);

        if (element.Fragments is { } fragments)
        {
            if (!ts.IsEncapsulated)
                throw new DicomFormatException($"Pixel data is encapsulated but the transfer syntax {ts.Uid} is native", path, element.ByteOffset, element.Tag);
            if (fragments.Fragments.Count == 0)
                throw new DicomFormatException("Encapsulated pixel data has no fragments", path, element.ByteOffset, element.Tag);
            // Every frame occupies at least one fragment (PS3.5 §A.4), which also bounds what a corrupt Number of
            // Frames can make the reader allocate.
            if (frames > fragments.Fragments.Count)
                throw new DicomFormatException($"Number of Frames is {frames} but the pixel data has only {fragments.Fragments.Count} fragment(s)", path, element.ByteOffset, element.Tag);
        }
        else
        {
            if (ts.IsEncapsulated && !isFloat)
                throw new DicomFormatException($"Transfer syntax {ts.Uid} ({ts.Name}) requires encapsulated pixel data, but the element has a defined length", path, element.ByteOffset, element.Tag);
            long needed = bitsAllocated == 1 ? (format.SamplesPerFrame * frames + 7) / 8 : format.FrameByteLength * frames;
            if (element.Length < needed)
                throw new DicomTruncatedException($"Pixel data for {frames} frame(s) of {rows}×{columns}×{samples} at {bitsAllocated} bits",
                    needed, element.Length, path, element.ByteOffset, element.Tag);
        }

        return new DicomPixelData(format, ts, element, DicomFrameInfoReader.Read(ds, frames), path);
    }

    /// <summary>
    /// One frame as decoded bytes in native little-endian layout, colour-by-pixel for compressed data (planar
    /// configuration applies to native data only): the input to <see cref="GetStoredValues(int)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Frame index outside 0 … frames − 1.</exception>
    /// <exception cref="DicomCodecException">Compressed data is corrupt.</exception>
    /// <exception cref="DicomUnsupportedTransferSyntaxException">No decoder for the transfer syntax.</exception>
    public byte[] GetFrameBytes(int frameIndex)
    {
        CheckFrame(frameIndex);
        if (_element.Fragments is null)
        {
            // Native frames are written whole (except packed bits, which are OR-ed in), so skip zeroing the array.
            var native = Format.BitsAllocated == 1 ? new byte[Format.FrameByteLength] : GC.AllocateUninitializedArray<byte>((int)Format.FrameByteLength);
            CopyNativeFrame(frameIndex, native);
            return native;
        }
        var output = new byte[Format.FrameByteLength];
        if (!PixelDecoderRegistry.TryGet(TransferSyntax.Uid, out var decoder))
            throw new DicomUnsupportedTransferSyntaxException(TransferSyntax, _path);
        var (compressed, offset) = EncapsulatedFrames.GetFrame(_element.Fragments, NumberOfFrames, frameIndex, _path);
        try
        {
            decoder.Decode(compressed.Span, Format, output);
        }
        catch (DllNotFoundException e)
        {
            // A codec backed by a native library that is not installed (OpenJPEG): the message says what to install.
            throw new DicomUnsupportedTransferSyntaxException(TransferSyntax, _path, e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            // The decoders report corrupt data as InvalidDataException; the others are a safety net so that a decoder
            // bug on hostile input still surfaces as a typed DICOM error naming the file and frame.
            throw new DicomCodecException($"{TransferSyntax.Name} frame cannot be decoded: {e.Message}", TransferSyntax.Uid, frameIndex, _path, offset, e);
        }
        return output;
    }

    /// <summary>
    /// One frame's stored values (PS3.3 §C.7.6.3.1): BitsStored bits at HighBit taken from each sample, sign-extended
    /// when Pixel Representation is 1; float pixel data as is. Order is row by row, column by column, sample by
    /// sample (colour-by-pixel), whatever the planar configuration.
    /// </summary>
    public double[] GetStoredValues(int frameIndex)
    {
        // Every element is written below, so the array need not be zeroed first (it is large: 8 bytes a sample).
        var values = GC.AllocateUninitializedArray<double>(checked((int)Format.SamplesPerFrame));
        GetStoredValues(frameIndex, values);
        return values;
    }

    /// <summary>
    /// Writes one frame's stored values into <paramref name="destination"/> (exactly
    /// <see cref="DicomPixelFormat.SamplesPerFrame"/> long), for callers that reuse one buffer across frames.
    /// </summary>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public void GetStoredValues(int frameIndex, Span<double> destination)
    {
        CheckFrame(frameIndex);
        if (destination.Length != Format.SamplesPerFrame)
            throw new ArgumentException($"Destination holds {destination.Length} values; a frame has {Format.SamplesPerFrame}.", nameof(destination));
        var f = Format;
        bool directlyReadable = _element.Fragments is null && !_element.IsBigEndian && f.BitsAllocated != 1
            && (f.SamplesPerPixel == 1 || f.PlanarConfiguration == 0);
        if (directlyReadable && _element.Deferred is { } deferred)
        {
            // A frame still in its file: read just that frame into a pooled buffer, then convert.
            var buffer = ArrayPool<byte>.Shared.Rent((int)f.FrameByteLength);
            try
            {
                var frame = buffer.AsSpan(0, (int)f.FrameByteLength);
                deferred.Read(frameIndex * f.FrameByteLength, frame);
                StoredValuesInto(frame, destination);
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        }
        else if (directlyReadable)
            // Native little-endian frames already have the decoded layout: read them in place, no copy.
            StoredValuesInto(_element.RawValue.Span.Slice((int)(frameIndex * f.FrameByteLength), (int)f.FrameByteLength), destination);
        else
            StoredValuesInto(GetFrameBytes(frameIndex), destination);
    }

    /// <summary>
    /// One frame after the modality rescale: stored × RescaleSlope + RescaleIntercept, with the frame's own
    /// slope and intercept (<see cref="Frames"/>).
    /// </summary>
    public double[] GetRescaledValues(int frameIndex)
    {
        var values = GC.AllocateUninitializedArray<double>(checked((int)Format.SamplesPerFrame));
        GetRescaledValues(frameIndex, values);
        return values;
    }

    /// <summary>Writes one frame's rescaled values into <paramref name="destination"/> (one frame long), for buffer reuse.</summary>
    public void GetRescaledValues(int frameIndex, Span<double> destination)
    {
        GetStoredValues(frameIndex, destination);
        var info = Frames[frameIndex];
        if (info.RescaleSlope != 1.0 || info.RescaleIntercept != 0.0)
            for (int i = 0; i < destination.Length; i++) destination[i] = destination[i] * info.RescaleSlope + info.RescaleIntercept;
    }

    /// <summary>
    /// One frame in the scanner's quantitative scale where the vendor defines one: for Philips, the floating-point
    /// value FP = (SV × RS + RI) / (RS × SS) (see <see cref="DicomFrameInfo.HasPhilipsScaling"/>); for other objects the
    /// rescaled values. Use this, not rescaled values, to compare signal between Philips series.
    /// </summary>
    public double[] GetRealWorldValues(int frameIndex)
    {
        var values = GC.AllocateUninitializedArray<double>(checked((int)Format.SamplesPerFrame));
        GetRealWorldValues(frameIndex, values);
        return values;
    }

    /// <summary>Writes one frame's real-world values into <paramref name="destination"/> (one frame long), for buffer reuse.</summary>
    public void GetRealWorldValues(int frameIndex, Span<double> destination)
    {
        var info = Frames[frameIndex];
        if (!info.HasPhilipsScaling)
        {
            GetRescaledValues(frameIndex, destination);
            return;
        }
        GetStoredValues(frameIndex, destination);
        double rs = info.RescaleSlope, ri = info.RescaleIntercept, ss = info.PhilipsScaleSlope!.Value;
        for (int i = 0; i < destination.Length; i++) destination[i] = (destination[i] * rs + ri) / (rs * ss);
    }

    private void CheckFrame(int frameIndex)
    {
        if (frameIndex < 0 || frameIndex >= NumberOfFrames)
            throw new ArgumentOutOfRangeException(nameof(frameIndex), frameIndex, $"Frame index must be in 0…{NumberOfFrames - 1}.");
    }

    private void CopyNativeFrame(int frameIndex, byte[] output)
    {
        var f = Format;
        if (f.BitsAllocated == 1)
        {
            var raw = _element.RawValue.Span;
            // Native 1-bit frames are packed back to back, so a frame may start inside a byte: repack it byte-aligned.
            long firstBit = frameIndex * f.SamplesPerFrame;
            for (long i = 0; i < f.SamplesPerFrame; i++)
            {
                long bit = firstBit + i;
                if ((raw[(int)(bit >> 3)] >> (int)(bit & 7) & 1) != 0) output[i >> 3] |= (byte)(1 << (int)(i & 7));
            }
            return;
        }
        int unit = f.BitsAllocated / 8;
        if (_element.Deferred is { } deferred && !(_element.IsBigEndian && unit > 1) && !(f.SamplesPerPixel > 1 && f.PlanarConfiguration == 1))
        {
            deferred.Read(frameIndex * f.FrameByteLength, output);   // straight from the file into the frame
            return;
        }
        var frame = _element.RawValue.Span.Slice((int)(frameIndex * f.FrameByteLength), (int)f.FrameByteLength);
        if (_element.IsBigEndian && unit > 1)
        {
            for (int i = 0; i < frame.Length; i += unit)
                for (int b = 0; b < unit; b++) output[i + b] = frame[i + unit - 1 - b];
        }
        else frame.CopyTo(output);

        if (f.SamplesPerPixel > 1 && f.PlanarConfiguration == 1)
        {
            // Colour-by-plane → colour-by-pixel, so every decoded frame has one layout.
            var planar = (byte[])output.Clone();
            long pixels = (long)f.Rows * f.Columns;
            for (int s = 0; s < f.SamplesPerPixel; s++)
                for (long p = 0; p < pixels; p++)
                    planar.AsSpan((int)((s * pixels + p) * unit), unit).CopyTo(output.AsSpan((int)((p * f.SamplesPerPixel + s) * unit), unit));
        }
    }

    /// <summary>Converts decoded frame bytes (native little-endian layout) to stored values.</summary>
    private void StoredValuesInto(ReadOnlySpan<byte> frame, Span<double> values)
    {
        var f = Format;
        if (f.IsFloat)
        {
            if (f.BitsAllocated == 32) for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(frame[(4 * i)..]);
            else for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(frame[(8 * i)..]);
            return;
        }
        int shift = f.HighBit + 1 - f.BitsStored;
        uint mask = f.BitsStored == 32 ? uint.MaxValue : (1u << f.BitsStored) - 1;
        long signBit = 1L << (f.BitsStored - 1);
        long range = 1L << f.BitsStored;
        bool signed = f.IsSigned;
        switch (f.BitsAllocated)
        {
            case 1:
                for (int i = 0; i < values.Length; i++) values[i] = (frame[i >> 3] >> (i & 7)) & 1;
                return;
            case 8:
                for (int i = 0; i < values.Length; i++) values[i] = Sample(frame[i], shift, mask, signed, signBit, range);
                return;
            case 16:
                // The hot path of MR data: read the 16-bit samples in place (the frame layout is little endian).
                var words = BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, ushort>(frame) : default;
                if (BitConverter.IsLittleEndian && !signed && shift == 0 && f.BitsStored == 16)
                    for (int i = 0; i < values.Length; i++) values[i] = words[i];
                else if (BitConverter.IsLittleEndian && !signed)
                    for (int i = 0; i < values.Length; i++) values[i] = (words[i] >> shift) & mask;
                else
                    for (int i = 0; i < values.Length; i++)
                        values[i] = Sample(BinaryPrimitives.ReadUInt16LittleEndian(frame[(2 * i)..]), shift, mask, signed, signBit, range);
                return;
            case 32:
                for (int i = 0; i < values.Length; i++)
                    values[i] = Sample(BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 * i)..]), shift, mask, signed, signBit, range);
                return;
            default:
                throw new DicomFormatException($"Bits Allocated {f.BitsAllocated} is not supported for integer pixel data", _path, _element.ByteOffset, DicomTags.BitsAllocated);
        }
    }

    /// <summary>PS3.3 C.7.6.3.1: the BitsStored bits ending at HighBit, sign-extended for two's complement data.</summary>
    private static double Sample(uint raw, int shift, uint mask, bool signed, long signBit, long range)
    {
        long v = (raw >> shift) & mask;
        if (signed && (v & signBit) != 0) v -= range;
        return v;
    }
}
