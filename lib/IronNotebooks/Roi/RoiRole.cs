namespace IronNotebooks.Roi;

/// <summary>What a region of interest measures. The SIR methods need liver and left/right paraspinal muscle.</summary>
public enum RoiRole
{
    /// <summary>Liver parenchyma (right lobe, avoiding vessels).</summary>
    Liver,
    /// <summary>Left paraspinal muscle.</summary>
    MuscleLeftParaspinal,
    /// <summary>Right paraspinal muscle.</summary>
    MuscleRightParaspinal,
    /// <summary>Spleen.</summary>
    Spleen,
    /// <summary>Interventricular septum (cardiac T2*).</summary>
    HeartSeptum,
    /// <summary>A focal lesion.</summary>
    Lesion,
    /// <summary>A vial of a phantom.</summary>
    PhantomVial,
    /// <summary>Air outside the body, for the noise level.</summary>
    Background,
    /// <summary>Anything else.</summary>
    Other,
}
