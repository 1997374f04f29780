namespace IronNotebooks.Roi;

/// <summary>The coordinates an ROI is defined in.</summary>
public enum RoiSpace
{
    /// <summary>Pixel coordinates: X = column (NIfTI i), Y = row (NIfTI j), zero-based, integers at pixel centres; lengths in pixels.</summary>
    Pixel,
    /// <summary>Patient coordinates (DICOM LPS), millimetres: points are (x, y, z); lengths in mm. The ROI applies to any
    /// plane within half a slice thickness of it, whatever that plane's matrix.</summary>
    PatientMm,
}
