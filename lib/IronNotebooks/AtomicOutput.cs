namespace IronNotebooks;

/// <summary>
/// How every output of the project is written: into a temporary file or folder beside the target, then renamed, so an
/// interrupted run leaves the previous output intact and never a truncated file under the final name; never inside an
/// input folder; a folder output replaces only a folder the same writer made before (no stale files mixed in), and
/// anything else there is refused.
/// </summary>
public static class AtomicOutput
{
    /// <summary>
    /// Refuses an output path that is, or lies inside, one of the input folders (a map written over its own echoes), or
    /// that is one of the input files.
    /// </summary>
    /// <exception cref="IronNotebooksException">The output is inside an input; <see cref="ErrorContext.Argument"/> is <paramref name="argument"/>.</exception>
    public static void RefuseInsideInputs(string outputPath, IEnumerable<string> inputPaths, string argument)
    {
        ArgumentNullException.ThrowIfNull(inputPaths);
        var output = Normalize(outputPath);
        foreach (var input in inputPaths.Select(Normalize).Distinct(StringComparer.Ordinal))
            if (output == input || output.StartsWith(input + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new IronNotebooksException(
                    $"The output '{outputPath}' is inside the input '{input}': outputs are never written into an input folder (they could replace or mix with the data they were made from). Choose a path outside it.",
                    new ErrorContext { FilePath = outputPath, Argument = argument });
    }

    /// <summary>Writes a file through a temporary file in the same folder, then renames it over <paramref name="path"/>.</summary>
    /// <exception cref="IronNotebooksException"><paramref name="path"/> is an existing folder, or its folder does not exist.</exception>
    public static void WriteFile(string path, Action<Stream> write, string argument)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new IronNotebooksException($"'{path}' is an existing folder; give a file name.", new ErrorContext { FilePath = path, Argument = argument });
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new IronNotebooksException($"The folder of '{path}' does not exist; create it first.", new ErrorContext { FilePath = path, Argument = argument });
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Writes a folder of files through a temporary sibling folder, then renames it into place. An existing
    /// <paramref name="folder"/> must be empty or pass <paramref name="isReplaceable"/> (for example: it holds only
    /// an earlier output of the same writer), and is then replaced whole.
    /// </summary>
    /// <exception cref="IronNotebooksException"><paramref name="folder"/> is a file, or holds files that are not replaceable.</exception>
    public static void WriteFolder(string folder, Action<string> write, Func<string, bool> isReplaceable, string what, string argument)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(isReplaceable);
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(full))
            throw new IronNotebooksException($"'{folder}' is an existing file, not a folder: give a new folder name (or a .csv file name).",
                new ErrorContext { FilePath = folder, Argument = argument });
        bool exists = Directory.Exists(full);
        if (exists)
        {
            var foreign = Directory.EnumerateFileSystemEntries(full, "*", SearchOption.AllDirectories).Where(p => Directory.Exists(p) || !isReplaceable(p)).Take(3).ToList();
            if (foreign.Count > 0)
                throw new IronNotebooksException(
                    $"The folder '{folder}' already holds files that are not {what} (e.g. {string.Join(", ", foreign.Select(Path.GetFileName))}); give a new or empty folder.",
                    new ErrorContext { FilePath = folder, Argument = argument });
        }
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var old = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.old");
        try
        {
            Directory.CreateDirectory(temp);
            write(temp);
            if (exists) Directory.Move(full, old);
            Directory.Move(temp, full);
        }
        catch
        {
            if (exists && !Directory.Exists(full) && Directory.Exists(old)) Directory.Move(old, full);   // put the previous output back
            throw;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
    }

    private static string Normalize(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
}
