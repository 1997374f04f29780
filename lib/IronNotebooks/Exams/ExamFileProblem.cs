namespace IronNotebooks.Exams;

/// <summary>A file of an exam that could not be used, and why; <see cref="SeriesNumbers"/> are the series it most likely
/// belonged to (those with readable files in the same folder), empty when no readable series shares its folder.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">Why it could not be read.</param>
/// <param name="SeriesNumbers">Series the file is attributed to by folder.</param>
public sealed record ExamFileProblem(string Path, string Reason, IReadOnlyList<int> SeriesNumbers)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Reason}";
}
