namespace IronNotebooks.SignalRatio;

/// <summary>What a phantom session says about a scanner's SIR sequences.</summary>
public enum PhantomVerdict
{
    /// <summary>Every per-sequence factor is within the method's intra-machine variability (10 %, Asensio 2015 [V]); the factors are stored and applied but change little.</summary>
    WithinVariability,
    /// <summary>One multiplicative factor per sequence describes the scanner: apply it to later exams.</summary>
    ApplyCorrection,
    /// <summary>Vials of one sequence need different factors (or a factor exceeds the allowed maximum): no single factor corrects the scanner; the protocol must be changed.</summary>
    ChangeProtocol,
}
