using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Imaging;

namespace IronNotebooks.Imaging;

/// <summary>
/// Tells magnitude from phase, real and imaginary frames across vendors. Rules are tried in order; the first that
/// recognises the frame decides:
/// <list type="number">
/// <item>Complex Image Component (0008,9208) of enhanced frames (standard);</item>
/// <item>GE's private Raw Data Type (0043,102F) under creator GEMS_PARM_01: 0 magnitude, 1 phase, 2 real, 3 imaginary
/// (as GE exports real/imaginary beside magnitude, e.g. the UKRIN GE B0 map);</item>
/// <item>a value of Image Type / Frame Type after the first two: M, MAGNITUDE, M_FFE, M_SE… (Siemens value 3,
/// Philips values 3–4), P, PHASE, PHASE MAP…, R, REAL, I, IMAGINARY.</item>
/// </list>
/// </summary>
public static class ImageComponentClassifier
{
    private const string GeCreator = "GEMS_PARM_01";
    private static readonly DicomTag GeRawDataType = new(0x0043, 0x102F);

    private static readonly Dictionary<string, ImageComponent> ComplexComponentTerms = new(StringComparer.Ordinal)
    {
        ["MAGNITUDE"] = ImageComponent.Magnitude, ["PHASE"] = ImageComponent.Phase,
        ["REAL"] = ImageComponent.Real, ["IMAGINARY"] = ImageComponent.Imaginary,
    };

    private static readonly Dictionary<int, ImageComponent> GeRawDataTypes = new()
    {
        [0] = ImageComponent.Magnitude, [1] = ImageComponent.Phase, [2] = ImageComponent.Real, [3] = ImageComponent.Imaginary,
    };

    /// <summary>Classifies one frame of an object whose header is <paramref name="header"/>.</summary>
    public static ImageComponent Classify(DicomDataset header, DicomFrameInfo frame)
    {
        if (frame.ComplexImageComponent is { } c && ComplexComponentTerms.TryGetValue(c, out var fromStandard)) return fromStandard;

        if (header.PrivateCreatorOf(GeRawDataType) == GeCreator && header.Find(GeRawDataType) is { } ge)
        {
            var element = ge.VR == DicomVR.UN && ge.Length == 2 ? ge.WithVR(DicomVR.SS) : ge;
            if (element.TryGetNumbers(out var v) && v.Length > 0 && GeRawDataTypes.TryGetValue((int)v[0], out var fromGe)) return fromGe;
        }

        foreach (var value in frame.ImageType.Skip(2))
        {
            var token = value.ToUpperInvariant();
            if (token is "M" or "MAGNITUDE" || token.StartsWith("M_", StringComparison.Ordinal)) return ImageComponent.Magnitude;
            if (token is "P" or "PHASE" or "PHASE MAP" || token.StartsWith("P_", StringComparison.Ordinal)) return ImageComponent.Phase;
            if (token is "R" or "REAL" || token.StartsWith("R_", StringComparison.Ordinal)) return ImageComponent.Real;
            if (token is "I" or "IMAGINARY" || token.StartsWith("I_", StringComparison.Ordinal)) return ImageComponent.Imaginary;
        }
        return ImageComponent.Unknown;
    }
}
