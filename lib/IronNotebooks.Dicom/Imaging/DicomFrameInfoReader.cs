namespace IronNotebooks.Dicom.Imaging;

/// <summary>Reads <see cref="DicomFrameInfo"/> for each frame from functional groups or top-level elements.</summary>
internal static class DicomFrameInfoReader
{
    private const string PhilipsCreator = "Philips MR Imaging DD 001";

    public static IReadOnlyList<DicomFrameInfo> Read(DicomDataset ds, int frames)
    {
        var shared = ds.GetFirstItemOrDefault(DicomTags.SharedFunctionalGroupsSequence);
        ds.TryGetSequence(DicomTags.PerFrameFunctionalGroupsSequence, out var perFrame);
        var result = new DicomFrameInfo[frames];
        for (int i = 0; i < frames; i++)
        {
            var own = i < perFrame.Count ? perFrame[i] : null;
            // Search order for a functional-group macro: this frame's item, the shared item, then the top level.
            DicomDataset?[] scopes = [own, shared];
            double? Macro(DicomTag sequence, DicomTag attribute)
            {
                foreach (var scope in scopes)
                    if (scope?.GetFirstItemOrDefault(sequence) is { } item && item.TryGetDouble(attribute, out var v)) return v;
                return ds.TryGetDouble(attribute, out var top) ? top : null;
            }
            IReadOnlyList<double>? MacroList(DicomTag sequence, DicomTag attribute)
            {
                foreach (var scope in scopes)
                    if (scope?.GetFirstItemOrDefault(sequence) is { } item && item.TryGetDoubles(attribute, out var v)) return v;
                return ds.TryGetDoubles(attribute, out var top) ? top : null;
            }
            string? MacroText(DicomTag sequence, DicomTag attribute)
            {
                foreach (var scope in scopes)
                    if (scope?.GetFirstItemOrDefault(sequence) is { } item && item.TryGetString(attribute, out var v)) return v;
                return ds.GetStringOrDefault(attribute);
            }

            var (ss, si) = PhilipsScale(own, ds);
            var frameType = MacroTextList(scopes, ds);
            result[i] = new DicomFrameInfo(
                i,
                Macro(DicomTags.MREchoSequence, DicomTags.EffectiveEchoTime) ?? (ds.TryGetDouble(DicomTags.EchoTime, out var te) ? te : null),
                Macro(DicomTags.PixelValueTransformationSequence, DicomTags.RescaleSlope) ?? 1.0,
                Macro(DicomTags.PixelValueTransformationSequence, DicomTags.RescaleIntercept) ?? 0.0,
                MacroText(DicomTags.PixelValueTransformationSequence, DicomTags.RescaleType),
                ss, si,
                MacroList(DicomTags.PlanePositionSequence, DicomTags.ImagePositionPatient),
                MacroList(DicomTags.PlaneOrientationSequence, DicomTags.ImageOrientationPatient),
                MacroList(DicomTags.PixelMeasuresSequence, DicomTags.PixelSpacing),
                Macro(DicomTags.PixelMeasuresSequence, DicomTags.SliceThickness),
                frameType,
                MacroTextOrNull(scopes, MRImageFrameTypeSequence, ComplexImageComponent) ?? ds.GetStringOrDefault(ComplexImageComponent));
        }
        return result;
    }

    private static readonly DicomTag MRImageFrameTypeSequence = new(0x0018, 0x9226);
    private static readonly DicomTag FrameType = new(0x0008, 0x9007);
    private static readonly DicomTag ComplexImageComponent = new(0x0008, 0x9208);

    private static string? MacroTextOrNull(DicomDataset?[] scopes, DicomTag sequence, DicomTag attribute)
    {
        foreach (var scope in scopes)
            if (scope?.GetFirstItemOrDefault(sequence) is { } item && item.TryGetString(attribute, out var v)) return v;
        return null;
    }

    private static IReadOnlyList<string> MacroTextList(DicomDataset?[] scopes, DicomDataset ds)
    {
        foreach (var scope in scopes)
            if (scope?.GetFirstItemOrDefault(MRImageFrameTypeSequence) is { } item && item.TryGetStrings(FrameType, out var v)) return v;
        return ds.TryGetStrings(DicomTags.ImageType, out var top) ? top : [];
    }

    private static (double? Slope, double? Intercept) PhilipsScale(DicomDataset? perFrame, DicomDataset top)
    {
        // Enhanced Philips files repeat the classic private block inside a per-frame private sequence (2005,140F).
        if (perFrame?.GetFirstItemOrDefault(DicomTags.PhilipsPrivateFrameSequence) is { } item && Read(item) is { Slope: not null } fromFrame)
            return fromFrame;
        return Read(top);

        static (double? Slope, double? Intercept) Read(DicomDataset scope)
        {
            if (scope.PrivateCreatorOf(DicomTags.PhilipsScaleSlope) != PhilipsCreator) return (null, null);
            return (Float(scope, DicomTags.PhilipsScaleSlope), Float(scope, DicomTags.PhilipsScaleIntercept));
        }

        static double? Float(DicomDataset scope, DicomTag tag)
        {
            // Implicit-VR files store private elements as UN: read the 4 bytes as the FL the vendor defines.
            var e = scope.Find(tag);
            if (e is null) return null;
            if (e.VR == DicomVR.UN && e.Length == 4) e = e.WithVR(DicomVR.FL);
            return e.TryGetNumbers(out var v) && v.Length > 0 ? v[0] : null;
        }
    }
}
