namespace IronNotebooks.Dicom.Imaging;

/// <summary>Splits encapsulated pixel data fragments into frames (PS3.5 §A.4).</summary>
internal static class EncapsulatedFrames
{
    /// <summary>The compressed bytes of one frame and the offset of its first fragment.</summary>
    public static (ReadOnlyMemory<byte> Data, long ByteOffset) GetFrame(DicomFragments f, int frames, int frameIndex, string? path)
    {
        var fragments = f.Fragments;
        if (frames == 1) return (Concat(fragments, 0, fragments.Count), fragments[0].ByteOffset);
        if (fragments.Count == frames) return (fragments[frameIndex].Data, fragments[frameIndex].ByteOffset);

        if (f.BasicOffsetTable.Count >= frames)
        {
            // Offsets count from the first fragment's item tag; each fragment occupies 8 header bytes + its length.
            long position = 0;
            int first = -1, end = fragments.Count;
            long start = f.BasicOffsetTable[frameIndex];
            long next = frameIndex + 1 < frames ? f.BasicOffsetTable[frameIndex + 1] : long.MaxValue;
            for (int i = 0; i < fragments.Count; i++)
            {
                if (position == start) first = i;
                if (position == next) { end = i; break; }
                position += 8 + fragments[i].Data.Length;
            }
            if (first < 0 || end <= first)
                throw new DicomFormatException($"Basic Offset Table entry {start} for frame {frameIndex} does not point at a fragment", path, fragments[0].ByteOffset, DicomTags.PixelData);
            return (Concat(fragments, first, end), fragments[first].ByteOffset);
        }

        // No usable offset table: a JPEG-family frame begins with an SOI marker (FF D8), so fragments that start
        // with one open a new frame (the approach of PS3.5 §8.2 notes and common toolkits).
        int found = -1, from = -1, to = fragments.Count;
        for (int i = 0; i < fragments.Count; i++)
        {
            var span = fragments[i].Data.Span;
            if (span.Length >= 2 && span[0] == 0xFF && span[1] == 0xD8)
            {
                found++;
                if (found == frameIndex) from = i;
                else if (found == frameIndex + 1) { to = i; break; }
            }
        }
        if (from < 0)
            throw new DicomFormatException($"Cannot locate frame {frameIndex} of {frames} among {fragments.Count} fragments: no offset table and no frame markers", path, fragments[0].ByteOffset, DicomTags.PixelData);
        return (Concat(fragments, from, to), fragments[from].ByteOffset);
    }

    private static ReadOnlyMemory<byte> Concat(IReadOnlyList<DicomFragment> fragments, int from, int to)
    {
        if (to - from == 1) return fragments[from].Data;
        long total = 0;
        for (int i = from; i < to; i++) total += fragments[i].Data.Length;
        var buffer = new byte[total];
        int at = 0;
        for (int i = from; i < to; i++)
        {
            fragments[i].Data.Span.CopyTo(buffer.AsSpan(at));
            at += fragments[i].Data.Length;
        }
        return buffer;
    }
}
