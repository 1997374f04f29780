namespace IronNotebooks.Calibration;

/// <summary>What a calibration takes as input.</summary>
public enum RelaxationQuantity
{
    /// <summary>Gradient-echo R2*, s⁻¹.</summary>
    R2Star,
    /// <summary>Spin-echo R2, s⁻¹.</summary>
    R2,
}
