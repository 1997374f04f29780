using System.Collections.Concurrent;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.Deidentification;

/// <summary>One input that could not be de-identified: its position in the sorted input list and why (no path: paths can identify).</summary>
public sealed record DeidentificationFailure
{
    /// <summary>Zero-based index of the file in the input list (the mapping file the user keeps gives its path).</summary>
    public required int FileIndex { get; init; }

    /// <summary>Kind of error (exception type), e.g. DicomBurnedInAnnotationException.</summary>
    public required string ErrorType { get; init; }
}

/// <summary>What a folder run did. Holds no identifying value, so it may be printed or logged.</summary>
public sealed record DeidentificationReport
{
    /// <summary>Files found under the input.</summary>
    public required int Files { get; init; }

    /// <summary>DICOM files written, de-identified.</summary>
    public required int Written { get; init; }

    /// <summary>Files that are not DICOM (skipped, not copied).</summary>
    public required int NotDicom { get; init; }

    /// <summary>DICOM files refused or unreadable; the mapping file lists their paths and messages.</summary>
    public required IReadOnlyList<DeidentificationFailure> Failures { get; init; }

    /// <summary>Distinct patients (pseudonyms) written.</summary>
    public required int Patients { get; init; }

    /// <summary>PS3.16 CID 7050 codes recorded in every output.</summary>
    public required IReadOnlyList<string> MethodCodes { get; init; }
}

/// <summary>
/// De-identifies a file or a folder tree into an output folder: files in parallel, each written atomically (temporary
/// file in its target folder, then renamed) as OUT/&lt;pseudonym&gt;/&lt;study UID&gt;/&lt;series UID&gt;/&lt;SOP instance UID&gt;.dcm, so no
/// input name (which may hold a patient's name) reaches the output. Pixel data are copied unchanged, compressed data
/// in their transfer syntax. The mapping (UIDs, pseudonyms, date shifts, input → output paths, failures with their
/// messages) goes to a separate file the user keeps.
/// </summary>
public static class DicomFolderDeidentifier
{
    /// <summary>Runs the de-identification.</summary>
    /// <param name="input">A DICOM file or a folder, searched recursively.</param>
    /// <param name="outputFolder">Where de-identified files go; must not be inside the input, nor the input inside it.</param>
    /// <param name="mappingFile">The CSV the user keeps; must be outside both input and output.</param>
    /// <param name="settings">Options, key, burned-in acceptance.</param>
    /// <param name="maxParallelism">Files processed at once (default: processor count).</param>
    /// <exception cref="ArgumentException">The folders overlap, or the mapping file lies in one of them.</exception>
    public static DeidentificationReport Run(string input, string outputFolder, string mappingFile, DeidentificationSettings settings, int? maxParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outputFolder);
        ArgumentNullException.ThrowIfNull(mappingFile);
        var inputFull = Path.GetFullPath(input);
        var outFull = Path.GetFullPath(outputFolder);
        var mapFull = Path.GetFullPath(mappingFile);
        bool inputIsFile = File.Exists(inputFull);
        if (!inputIsFile && !Directory.Exists(inputFull)) throw new ArgumentException($"Input '{input}' does not exist.", nameof(input));
        var inputRoot = inputIsFile ? Path.GetDirectoryName(inputFull)! : inputFull;
        if (!inputIsFile && (IsInside(outFull, inputRoot) || IsInside(inputRoot, outFull)))
            throw new ArgumentException($"The output folder '{outputFolder}' and the input '{input}' overlap: outputs are never written into input folders.", nameof(outputFolder));
        if (IsInside(mapFull, outFull) || (!inputIsFile && IsInside(mapFull, inputRoot)))
            throw new ArgumentException($"The mapping file '{mappingFile}' identifies patients: keep it outside the input and the output folders.", nameof(mappingFile));

        var files = inputIsFile ? [inputFull] : Directory.EnumerateFiles(inputFull, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal).ToArray();
        Directory.CreateDirectory(outFull);
        var deidentifier = new DicomDeidentifier(settings);
        var failures = new ConcurrentBag<DeidentificationFailure>();
        var patients = new ConcurrentDictionary<string, byte>();
        int written = 0, notDicom = 0;

        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount }, i =>
        {
            var path = files[i];
            var relative = Path.GetRelativePath(inputRoot, path);
            DicomFile file;
            try
            {
                if (!LooksLikeDicom(path)) { Interlocked.Increment(ref notDicom); return; }
                file = DicomFile.Open(path);
            }
            catch (DicomException e)
            {
                Fail(i, relative, e);
                return;
            }
            try
            {
                var output = deidentifier.Deidentify(file.Dataset, path);
                var pseudonym = output.GetString(DicomTags.PatientID);
                var target = Path.Combine(outFull, pseudonym, Safe(output.GetStringOrDefault(DicomTags.StudyInstanceUID)),
                    Safe(output.GetStringOrDefault(DicomTags.SeriesInstanceUID)), Safe(output.GetString(DicomTags.SOPInstanceUID)) + ".dcm");
                AtomicFile.Write(target, stream => DicomWriter.Write(stream, output, null, file.TransferSyntax));
                deidentifier.Mapping.Record("file", relative, Path.GetRelativePath(outFull, target));
                patients.TryAdd(pseudonym, 0);
                Interlocked.Increment(ref written);
            }
            catch (Exception e) when (e is DicomException or IOException or ArgumentException or UnauthorizedAccessException)
            {
                Fail(i, relative, e);
            }
        });

        deidentifier.Mapping.WriteCsv(mapFull);
        return new DeidentificationReport
        {
            Files = files.Length, Written = written, NotDicom = notDicom, Failures = [.. failures.OrderBy(f => f.FileIndex)],
            Patients = patients.Count, MethodCodes = [.. deidentifier.MethodCodes.Select(c => $"{c.Code} {c.Meaning}")],
        };

        void Fail(int index, string relative, Exception e)
        {
            failures.Add(new DeidentificationFailure { FileIndex = index, ErrorType = e.GetType().Name });
            deidentifier.Mapping.Record("failure", relative, e.Message);
        }
    }

    /// <summary>"DICM" at byte 128 (also inside a gzip stream, .dcm.gz), or a bare dataset: other files (notes, JSON, NIfTI) are not DICOM.</summary>
    private static bool LooksLikeDicom(string path)
    {
        using var f = File.OpenRead(path);
        Span<byte> head = stackalloc byte[132];
        int n = f.ReadAtLeast(head, 132, throwOnEndOfStream: false);
        if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            f.Position = 0;
            using var gz = new System.IO.Compression.GZipStream(f, System.IO.Compression.CompressionMode.Decompress);
            try { n = gz.ReadAtLeast(head, 132, throwOnEndOfStream: false); }
            catch (InvalidDataException) { return false; }
        }
        if (n == 132 && head[128..].SequenceEqual("DICM"u8)) return true;
        // A bare dataset (no preamble) starts with a group 0x0008 (or 0x0002) tag, little endian.
        return n >= 4 && head[1] == 0 && (head[0] == 0x08 || head[0] == 0x02) && head[3] == 0;
    }

    private static string Safe(string? uid) => string.IsNullOrEmpty(uid) ? "unknown" : uid.Trim().TrimEnd('\0');

    private static bool IsInside(string path, string folder)
    {
        var f = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(f, StringComparison.Ordinal) || string.Equals(path.TrimEnd(Path.DirectorySeparatorChar), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
    }
}
