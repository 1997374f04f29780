namespace IronNotebooks.Exams;

/// <summary>The outcome of one method on one exam; serialised in camelCase (estimated, aboveRange,
/// beyondMeasurableRange, failed) in every JSON and CSV.</summary>
public enum MeasurementStatus
{
    /// <summary>A number, to be read with its warnings.</summary>
    Estimated,
    /// <summary>The method saturates: the LIC is above what it can measure (a lower bound may be given); censored, not missing.</summary>
    AboveRange,
    /// <summary>The decay is beyond the measurable range of the echo train (T2* shorter than the first echo, too few echoes
    /// above noise); no number; censored high, not missing.</summary>
    BeyondMeasurableRange,
    /// <summary>No result: missing or unreadable input, a fit that did not converge, a protocol not satisfied; the error says why.</summary>
    Failed,
}
