using System.Security.Cryptography;
using IronNotebooks.Roi;

namespace IronNotebooks.RoiEditor;

/// <summary>
/// The editor's rois.json: read with checks (schema, frame of reference of the exam), written atomically (temporary
/// file in the same folder, then rename) and never over a file the page has not seen: when the file on disk differs
/// from the one the page loaded (another editor saved, or it was unreadable), saving needs an explicit overwrite.
/// </summary>
public sealed class RoiFileStore
{
    private readonly object _gate = new();

    /// <summary>Creates the store for <paramref name="path"/> on <paramref name="exam"/>.</summary>
    public RoiFileStore(string path, EditorExam exam)
    {
        ArgumentNullException.ThrowIfNull(path);
        Exam = exam ?? throw new ArgumentNullException(nameof(exam));
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file (full path).</summary>
    public string Path { get; }

    /// <summary>The exam the ROIs belong to.</summary>
    public EditorExam Exam { get; }

    /// <summary>Reads the file as it is now.</summary>
    public RoiFileState Read()
    {
        lock (_gate)
        {
            if (!File.Exists(Path)) return new RoiFileState { Exists = false };
            byte[] bytes;
            try { bytes = File.ReadAllBytes(Path); }
            catch (IOException e) { return new RoiFileState { Exists = true, Error = $"{FileName} cannot be read: {e.Message}" }; }
            string hash = Hash(bytes);
            var modified = File.GetLastWriteTimeUtc(Path);
            try
            {
                var set = RoiSet.FromJson(System.Text.Encoding.UTF8.GetString(bytes), FileName);
                string? exam = Exam.FrameOfReferenceUid;
                if (set.FrameOfReferenceUid is string theirs && exam is not null && theirs != exam)
                    return new RoiFileState
                    {
                        Exists = true, Sha256 = hash, ModifiedUtc = modified,
                        Error = $"{FileName} was drawn on another exam: its frame of reference is {theirs}, this exam's is {exam}. It was not loaded and will not be overwritten without asking.",
                    };
                return new RoiFileState { Exists = true, Sha256 = hash, ModifiedUtc = modified, Set = set };
            }
            catch (FormatException e)
            {
                return new RoiFileState
                {
                    Exists = true, Sha256 = hash, ModifiedUtc = modified,
                    Error = $"{FileName} is not a valid ROI set ({e.Message}). It was not loaded and will not be overwritten without asking.",
                };
            }
        }
    }

    /// <summary>
    /// Saves <paramref name="set"/> unless the file changed since the page read it (<paramref name="expectedSha256"/>,
    /// null when the page loaded no file) and <paramref name="overwrite"/> is false.
    /// </summary>
    public RoiSaveOutcome Save(RoiSet set, string? expectedSha256, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(set);
        // Round trip through the reader: what is written must load (unique names, schema).
        var json = set.ToJson();
        RoiSet.FromJson(json, FileName);
        lock (_gate)
        {
            var current = File.Exists(Path) ? Hash(File.ReadAllBytes(Path)) : null;
            if (current is not null && current != expectedSha256 && !overwrite)
            {
                var when = File.GetLastWriteTimeUtc(Path).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                string why = expectedSha256 is null
                    ? $"{FileName} exists (last written {when} UTC) and this page did not load it"
                    : $"{FileName} was changed on disk at {when} UTC after this page loaded it (another editor or program)";
                return new RoiSaveOutcome { Saved = false, Conflict = true, Message = why + ": reload to see it, or save again to replace it.", Sha256 = current };
            }
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(json);
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            Directory.CreateDirectory(folder);
            var temp = System.IO.Path.Combine(folder, $".{FileName}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(temp, bytes);
                File.Move(temp, Path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            return new RoiSaveOutcome { Saved = true, Conflict = false, Message = $"saved {set.Rois.Count} ROIs to {FileName}", Sha256 = Hash(bytes) };
        }
    }

    private string FileName => System.IO.Path.GetFileName(Path);

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>The ROI file as read.</summary>
public sealed record RoiFileState
{
    /// <summary>Whether the file exists.</summary>
    public required bool Exists { get; init; }

    /// <summary>SHA-256 of its bytes (hex), the version the page saves against.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Last write time, UTC.</summary>
    public DateTime? ModifiedUtc { get; init; }

    /// <summary>The set, when it loaded and belongs to this exam.</summary>
    public RoiSet? Set { get; init; }

    /// <summary>Why it was not loaded.</summary>
    public string? Error { get; init; }
}

/// <summary>What a save did.</summary>
public sealed record RoiSaveOutcome
{
    /// <summary>True when written.</summary>
    public required bool Saved { get; init; }

    /// <summary>True when refused because the file on disk is not the one the page loaded.</summary>
    public required bool Conflict { get; init; }

    /// <summary>For the page and the console.</summary>
    public required string Message { get; init; }

    /// <summary>SHA-256 of the file now on disk.</summary>
    public string? Sha256 { get; init; }
}
