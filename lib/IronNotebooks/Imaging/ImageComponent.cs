namespace IronNotebooks.Imaging;

/// <summary>Which part of the complex MR signal an image holds. Relaxometry and SIR use magnitude images.</summary>
public enum ImageComponent
{
    /// <summary>Not stated in any attribute the classifier knows.</summary>
    Unknown,
    /// <summary>Magnitude (modulus).</summary>
    Magnitude,
    /// <summary>Phase.</summary>
    Phase,
    /// <summary>Real part.</summary>
    Real,
    /// <summary>Imaginary part.</summary>
    Imaginary,
}
