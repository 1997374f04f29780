namespace IronNotebooks.Simulation;

/// <summary>The slice the virtual abdomen (or phantom) is drawn on.</summary>
/// <param name="MatrixSize">Rows = columns (32–1024; 256 by default, 128 keeps tests fast).</param>
/// <param name="FieldOfViewMm">Square field of view, mm (400: an adult abdomen).</param>
/// <param name="SliceThicknessMm">Slice thickness, mm (10, as SIR protocols use thick slices).</param>
/// <param name="Lesions">Focal lesions inside the liver, iron-sparing or iron-keeping (none by default).</param>
/// <param name="IncludeHeartSeptum">Draw the cardiac apex with an interventricular septum (a liver-dome slice).</param>
/// <param name="Variation">A drawn body (<see cref="AnatomyVariation.Random"/>) instead of the standard abdomen; null = standard.</param>
public sealed record AnatomyOptions(int MatrixSize = 256, double FieldOfViewMm = 400, double SliceThicknessMm = 10,
    IReadOnlyList<FocalLesion>? Lesions = null, bool IncludeHeartSeptum = false, AnatomyVariation? Variation = null)
{
    /// <summary>Pixel spacing, mm.</summary>
    public double PixelSpacingMm => FieldOfViewMm / MatrixSize;
}
