namespace IronNotebooks.Relaxometry;

/// <summary>How a decay fit ended. Anything other than <see cref="Converged"/> or <see cref="ClosedForm"/> means the
/// numbers in the result are not to be used without reading its warnings.</summary>
public enum DecayFitStatus
{
    /// <summary>An iterative fit met its convergence tolerance.</summary>
    Converged,
    /// <summary>A closed-form estimate (log-linear, ARLO): no iterations.</summary>
    ClosedForm,
    /// <summary>The iteration limit was reached before the tolerance; the last iterate is reported.</summary>
    MaxIterations,
    /// <summary>Fewer usable echoes than the model needs (for example after truncation at the noise floor); values are NaN.</summary>
    TooFewEchoes,
    /// <summary>The computation broke down (singular normal equations, non-finite estimate); values are NaN.</summary>
    Failed,
    /// <summary>Pixel maps only: the pixel was below the mask threshold and was not fitted; values are NaN.</summary>
    Masked,
    /// <summary>Pixel maps only: the decay is beyond the measurable range of the echo train (<see cref="MeasurableRange.Check"/>:
    /// T2* shorter than the first echo, fewer than three echoes above k·σ, or a fit running off to infinite R2*); values are NaN.</summary>
    BeyondMeasurableRange,
}
