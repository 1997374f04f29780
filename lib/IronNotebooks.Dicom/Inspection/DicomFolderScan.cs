using System.Collections.Concurrent;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.Inspection;

/// <summary>
/// The headers of every DICOM object below a folder (recursive, read in parallel, pixel data not loaded), with what
/// each frame says about itself. Files that are not DICOM are listed as skipped; DICOM files that cannot be read are
/// listed as failures with the reason, and the scan goes on. Grouping into studies, series and acquisitions is the
/// Imaging layer's job (IronNotebooks.Imaging.ImageCatalog).
/// </summary>
/// <param name="Root">The folder scanned.</param>
/// <param name="Objects">Readable DICOM objects, in path order.</param>
/// <param name="Failures">Files that looked like DICOM but could not be read.</param>
/// <param name="Skipped">Files that are not DICOM.</param>
public sealed record DicomFolderScan(string Root, IReadOnlyList<DicomFolderScan.ScannedObject> Objects,
    IReadOnlyList<DicomFolderScan.FileProblem> Failures, IReadOnlyList<DicomFolderScan.FileProblem> Skipped)
{
    /// <summary>One readable object: its path, header dataset and per-frame facts.</summary>
    public sealed record ScannedObject(string Path, DicomDataset Header, IReadOnlyList<DicomFrameInfo> Frames);

    /// <summary>A file that could not be used, and why.</summary>
    public sealed record FileProblem(string Path, string Reason);

    /// <summary>Scans <paramref name="folder"/> recursively.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static DicomFolderScan Scan(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        var scanned = new ConcurrentBag<ScannedObject>();
        var failures = new ConcurrentBag<FileProblem>();
        var skipped = new ConcurrentBag<FileProblem>();
        var files = FilesBelow(folder, failures, skipped);
        var headersOnly = DicomReadOptions.Default with { ReadPixelData = false };
        Parallel.ForEach(files, path =>
        {
            try
            {
                // Never open an empty entry: a FIFO or device (which report 0 bytes) would block or never end, and an
                // empty image file is a lost file, not a non-DICOM one.
                if (new FileInfo(path).Length == 0)
                {
                    if (MayBeImage(path)) failures.Add(new FileProblem(path, "empty (0 bytes) or not a regular file (a FIFO or device): not readable as DICOM"));
                    else skipped.Add(new FileProblem(path, "empty file"));
                    return;
                }
                var file = DicomFile.Open(path, headersOnly);
                if (!file.HasPreamble && file.FileMetaInformation.Count == 0 && !file.Dataset.Contains(DicomTags.SOPClassUID))
                {
                    skipped.Add(new FileProblem(path, "not DICOM (no preamble, no meta information, no SOP Class UID)"));
                    return;
                }
                // Pixels are not read here, so bound Number of Frames by the file size (a frame takes at least one
                // byte) rather than trust a corrupt header with a huge allocation.
                int frames = file.Dataset.GetIntOrDefault(DicomTags.NumberOfFrames, 1);
                long size = new FileInfo(path).Length;
                if (frames < 1 || frames > size)
                {
                    failures.Add(new FileProblem(path, $"Number of Frames {frames} is impossible for a file of {size} bytes"));
                    return;
                }
                scanned.Add(new ScannedObject(path, file.Dataset, DicomFrameInfoReader.Read(file.Dataset, frames)));
            }
            catch (DicomException e)
            {
                if (LooksLikeDicom(path)) failures.Add(new FileProblem(path, e.Message));
                else skipped.Add(new FileProblem(path, "not DICOM"));
            }
            catch (IOException e)
            {
                failures.Add(new FileProblem(path, e.Message));
            }
        });
        return new DicomFolderScan(folder, [.. scanned.OrderBy(s => s.Path, StringComparer.Ordinal)],
            [.. failures.OrderBy(f => f.Path, StringComparer.Ordinal)], [.. skipped.OrderBy(f => f.Path, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Regular files below <paramref name="root"/>, in ordinal path order. Symbolic links to folders are not followed
    /// (a link loop would list the same files again and again, or never end) and are listed as skipped; links to files
    /// are read. A folder that cannot be listed is a failure.
    /// </summary>
    private static string[] FilesBelow(string root, ConcurrentBag<FileProblem> failures, ConcurrentBag<FileProblem> skipped)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options))
                {
                    if (entry is DirectoryInfo sub)
                    {
                        if (sub.LinkTarget is not null) skipped.Add(new FileProblem(sub.FullName, $"symbolic link to a folder ({sub.LinkTarget}): not followed"));
                        else pending.Push(sub.FullName);
                    }
                    else files.Add(entry.FullName);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new FileProblem(dir, $"folder cannot be listed: {e.Message}"));
            }
        }
        return [.. files.Order(StringComparer.Ordinal)];
    }

    /// <summary>Names an image file could have: .dcm, .dicom, .ima, .img or no extension (IM00001, 1.2.840…).</summary>
    private static bool MayBeImage(string path)
    {
        var name = Path.GetFileName(path);
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext is "" or ".dcm" or ".dicom" or ".ima" or ".img" or ".gz" || name.Count(c => c == '.') > 2;
    }

    private static bool LooksLikeDicom(string path)
    {
        // Judged on the bytes, not the name: a preamble, gzip named .dcm.gz, or a first element of group 0002/0008.
        Span<byte> head = stackalloc byte[132];
        using var s = File.OpenRead(path);
        int n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') return true;
        if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B) return path.EndsWith(".dcm.gz", StringComparison.OrdinalIgnoreCase);
        return n >= 4 && ((head[0] is 0x02 or 0x08 && head[1] == 0) || (head[0] == 0 && head[1] is 0x02 or 0x08));
    }
}
