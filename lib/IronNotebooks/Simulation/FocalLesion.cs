namespace IronNotebooks.Simulation;

/// <summary>
/// A round focal lesion in the liver, in patient millimetres on the slice (x towards patient left, y towards posterior).
/// By default it spares iron (HCC, adenoma, metastasis: bright on T2* GRE in an iron-loaded liver); with
/// <paramref name="KeepsIron"/> it keeps the liver's iron, as extramedullary hematopoiesis does (isointense; docs/methods.md §5,
/// [SEED] Belay 2018 case report).
/// </summary>
/// <param name="CenterXMm">Centre, x (LPS), mm.</param>
/// <param name="CenterYMm">Centre, y (LPS), mm.</param>
/// <param name="RadiusMm">Radius, mm.</param>
/// <param name="KeepsIron">True: the lesion takes the liver's relaxation (its iron included), <see cref="Tissue.IronKeepingLesion"/>;
/// false (default): an iron-free solid lesion, <see cref="Tissue.Lesion"/>.</param>
public sealed record FocalLesion(double CenterXMm, double CenterYMm, double RadiusMm, bool KeepsIron = false)
{
    /// <summary>The default teaching lesion: 12 mm radius in the lateral right lobe, clear of the ROIs and vessels.</summary>
    public static FocalLesion Default { get; } = new(-115, 35, 12);
}
