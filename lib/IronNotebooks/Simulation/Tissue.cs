namespace IronNotebooks.Simulation;

/// <summary>The tissue classes of the virtual abdomen and the iron phantom. Values are the labels of <see cref="VirtualAnatomy.Labels"/>.</summary>
public enum Tissue : byte
{
    /// <summary>Air outside the body (no signal, noise only).</summary>
    Air = 0,
    /// <summary>Subcutaneous fat.</summary>
    SubcutaneousFat = 1,
    /// <summary>Abdominal content other than the named organs (bowel, mesentery), one average soft tissue.</summary>
    OtherSoftTissue = 2,
    /// <summary>Liver parenchyma: relaxation from the patient's LIC.</summary>
    Liver = 3,
    /// <summary>Blood in hepatic and portal veins, inferior vena cava and aorta (static: no inflow or flow voids).</summary>
    Blood = 4,
    /// <summary>Spleen.</summary>
    Spleen = 5,
    /// <summary>Paraspinal (erector spinae) muscle, the SIR reference tissue.</summary>
    Muscle = 6,
    /// <summary>Cortical and trabecular bone of the vertebral body, treated as near-signal-free.</summary>
    Bone = 7,
    /// <summary>A focal liver lesion that spares iron (HCC, adenoma, metastasis: docs/methods.md §5).</summary>
    Lesion = 8,
    /// <summary>Interventricular septum (myocardium), for cardiac T2*.</summary>
    HeartSeptum = 9,
    /// <summary>Water of the phantom container.</summary>
    PhantomWater = 10,
    /// <summary>A phantom vial; which one is given by the vial map.</summary>
    PhantomVial = 11,
    /// <summary>A focal liver lesion that keeps the liver's iron (extramedullary-hematopoiesis-like: isointense on T2* GRE, docs/methods.md §5).</summary>
    IronKeepingLesion = 12,
    /// <summary>Blood with inflow enhancement (bright on GRE): vessels and aorta of the varied anatomy (<see cref="AnatomyVariation"/>).</summary>
    FlowingBlood = 13,
}
