namespace IronNotebooks.Relaxometry.Internal;

/// <summary>Engine selector behind a <see cref="DecayModel"/>.</summary>
internal enum DecayModelKind { Mono, Offset, Truncation, LogLinear, Arlo, BiExponential, Rician, SecondMoment }
