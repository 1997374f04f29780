using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>Value Type (0040,A040) of an SR content item (PS3.3 §C.17.3.2.1); the ones this library writes and reads.</summary>
public enum SrValueType
{
    /// <summary>CONTAINER: groups children under a heading.</summary>
    Container,
    /// <summary>TEXT: free text (Text Value, UT).</summary>
    Text,
    /// <summary>CODE: a coded value (Concept Code Sequence).</summary>
    Code,
    /// <summary>NUM: a number with UCUM units (Measured Value Sequence).</summary>
    Num,
    /// <summary>UIDREF: a UID (UID Value).</summary>
    UidRef,
    /// <summary>IMAGE: a reference to an image (Referenced SOP Sequence, optional frames and segments).</summary>
    Image,
    /// <summary>COMPOSITE: a reference to any other composite object.</summary>
    Composite,
    /// <summary>SCOORD: 2D spatial coordinates on an image (Graphic Type, Graphic Data in image pixel units).</summary>
    Scoord,
    /// <summary>PNAME: a person's name.</summary>
    PName,
}
