using Microsoft.Win32.SafeHandles;

namespace IronNotebooks.Dicom;

/// <summary>
/// A value left in its file until needed: native pixel data of files opened from disk, so that reading a series does
/// not hold every file's pixels twice (file buffer and decoded frame) and a frame can be read on its own.
/// </summary>
/// <param name="FilePath">The file.</param>
/// <param name="Offset">Offset of the value's first byte in the file.</param>
/// <param name="Length">Value length in bytes.</param>
/// <param name="FileLength">The file's length when it was opened; a different length later means it changed.</param>
public sealed record DicomDeferredValue(string FilePath, long Offset, int Length, long FileLength)
{
    /// <summary>Reads <paramref name="destination"/>.Length bytes starting <paramref name="relativeOffset"/> bytes into the value.</summary>
    /// <exception cref="DicomFormatException">The file changed or shrank since it was opened.</exception>
    public void Read(long relativeOffset, Span<byte> destination)
    {
        if (relativeOffset < 0 || relativeOffset + destination.Length > Length)
            throw new ArgumentOutOfRangeException(nameof(relativeOffset), relativeOffset, $"Range {relativeOffset}+{destination.Length} is outside the value's {Length} bytes.");
        using SafeFileHandle handle = File.OpenHandle(FilePath);
        if (RandomAccess.GetLength(handle) != FileLength)
            throw new DicomFormatException($"The file changed on disk since it was opened (length {FileLength}, now {RandomAccess.GetLength(handle)}); open it again", FilePath, Offset);
        int done = 0;
        while (done < destination.Length)
        {
            int n = RandomAccess.Read(handle, destination[done..], Offset + relativeOffset + done);
            if (n == 0) throw new DicomTruncatedException("Deferred value", destination.Length, done, FilePath, Offset + relativeOffset);
            done += n;
        }
    }
}
