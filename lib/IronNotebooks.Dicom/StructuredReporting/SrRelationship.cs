using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>Relationship Type (0040,A010) of a child to its parent (PS3.3 §C.17.3.2.4).</summary>
public enum SrRelationship
{
    /// <summary>CONTAINS.</summary>
    Contains,
    /// <summary>HAS OBS CONTEXT.</summary>
    HasObsContext,
    /// <summary>HAS CONCEPT MOD.</summary>
    HasConceptMod,
    /// <summary>HAS PROPERTIES.</summary>
    HasProperties,
    /// <summary>HAS ACQ CONTEXT.</summary>
    HasAcqContext,
    /// <summary>INFERRED FROM.</summary>
    InferredFrom,
    /// <summary>SELECTED FROM.</summary>
    SelectedFrom,
}
