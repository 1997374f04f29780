namespace IronNotebooks.Teaching;

/// <summary>
/// A notebook's scratch folder (simulated exams, calibration files it writes), created empty under the system's
/// temporary folder as <c>ironnotebooks/NAME-PID</c>: one per process, so two runs at once (a test suite and a
/// reviewer, or two VS Code windows) never share files, and never inside the repository or an input folder.
/// </summary>
public sealed record WorkFolder
{
    /// <summary>Full path of the folder.</summary>
    public required string Path { get; init; }

    /// <summary>Creates (or empties) the work folder of <paramref name="name"/> for this process.</summary>
    /// <param name="name">A short name, e.g. "notebook-03": letters, digits, '-' and '_' only.</param>
    /// <exception cref="ArgumentException">An empty name or one with other characters (it must not climb out of the temp folder).</exception>
    public static WorkFolder Create(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"Work folder name '{name}' must be letters, digits, '-' or '_'.", nameof(name));
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ironnotebooks", $"{name}-{Environment.ProcessId}");
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        Directory.CreateDirectory(path);
        return new WorkFolder { Path = path };
    }

    /// <summary>The path of a file in the folder (not created).</summary>
    public string File(string fileName) => System.IO.Path.Combine(Path, fileName);

    /// <summary>A subfolder, created if missing.</summary>
    public string Folder(string folderName) => Directory.CreateDirectory(System.IO.Path.Combine(Path, folderName)).FullName;

    /// <summary>The path.</summary>
    public override string ToString() => Path;
}
