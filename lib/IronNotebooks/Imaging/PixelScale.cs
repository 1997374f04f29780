namespace IronNotebooks.Imaging;

/// <summary>Which values of DICOM pixels to load.</summary>
public enum PixelScale
{
    /// <summary>After the modality rescale, with each frame's own slope and intercept (the default).</summary>
    Rescaled,
    /// <summary>Vendor real-world values where defined (Philips floating-point value FP), rescaled values elsewhere:
    /// use this to compare absolute signal between Philips series acquired with different scaling.</summary>
    RealWorld,
    /// <summary>Stored values, no rescale.</summary>
    Stored,
}
