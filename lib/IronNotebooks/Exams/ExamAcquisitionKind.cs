namespace IronNotebooks.Exams;

/// <summary>What an acquisition of an exam is for, as <see cref="Exam.Open"/> identified it (the evidence is in
/// <see cref="ExamAcquisition.Evidence"/>).</summary>
public enum ExamAcquisitionKind
{
    /// <summary>Multi-echo gradient-echo magnitude (≥ 3 echoes): R2* relaxometry.</summary>
    MultiEchoGradientEcho,
    /// <summary>Multi-echo spin echo (≥ 3 echoes): R2 relaxometry.</summary>
    MultiEchoSpinEcho,
    /// <summary>A single-echo sequence of a signal-intensity-ratio protocol (Rennes, two-sequence, Lille).</summary>
    SignalRatioSequence,
    /// <summary>Two gradient echoes near the fat–water opposed and in-phase echo times (chemical-shift imaging).</summary>
    InOpposedPhase,
    /// <summary>Chemical-shift-encoded multi-echo gradient echo (a short, dense echo train sampling the fat–water phase, with
    /// or without phase images): fat–water fitting (CC-R2*, PDFF).</summary>
    ChemicalShiftMultiEcho,
    /// <summary>Anything else (localisers, phase images, sequences no method uses).</summary>
    Other,
}
