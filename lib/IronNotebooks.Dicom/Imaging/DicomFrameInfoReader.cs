namespace IronNotebooks.Dicom.Imaging;

/// <summary>Reads <see cref="DicomFrameInfo"/> for each frame from functional groups or top-level elements.</summary>
internal static class DicomFrameInfoReader
{
    private const string PhilipsCreator = "Philips MR Imaging DD 001";
    private static readonly DicomTag MRImageFrameTypeSequence = new(0x0018, 0x9226);
    private static readonly DicomTag FrameType = new(0x0008, 0x9007);
    private static readonly DicomTag ComplexImageComponent = new(0x0008, 0x9208);

    private delegate bool TryRead<T>(DicomDataset scope, DicomTag tag, out T value);

    public static IReadOnlyList<DicomFrameInfo> Read(DicomDataset ds, int frames)
    {
        var shared = ds.GetFirstItemOrDefault(DicomTags.SharedFunctionalGroupsSequence);
        ds.TryGetSequence(DicomTags.PerFrameFunctionalGroupsSequence, out var perFrame);
        var result = new DicomFrameInfo[frames];
        for (int i = 0; i < frames; i++)
        {
            var own = i < perFrame.Count ? perFrame[i] : null;

            // A functional-group macro is looked up in this frame's item, then the shared item, then (for attributes
            // that classic objects carry at the top level) the dataset itself.
            (bool Found, T Value) Lookup<T>(DicomTag sequence, DicomTag attribute, TryRead<T> read, bool topLevel = true)
            {
                foreach (var scope in new[] { own, shared })
                    if (scope?.GetFirstItemOrDefault(sequence) is { } item && read(item, attribute, out var v)) return (true, v);
                return topLevel && read(ds, attribute, out var top) ? (true, top) : (false, default!);
            }
            double? Number(DicomTag sequence, DicomTag attribute) =>
                Lookup<double>(sequence, attribute, (DicomDataset s, DicomTag t, out double v) => s.TryGetDouble(t, out v)) is (true, var v) ? v : null;
            IReadOnlyList<double>? Numbers(DicomTag sequence, DicomTag attribute) =>
                Lookup<double[]>(sequence, attribute, (DicomDataset s, DicomTag t, out double[] v) => s.TryGetDoubles(t, out v)) is (true, var v) ? v : null;
            string? Text(DicomTag sequence, DicomTag attribute) =>
                Lookup<string>(sequence, attribute, (DicomDataset s, DicomTag t, out string v) => s.TryGetString(t, out v)) is (true, var v) ? v : null;

            var (scaleSlope, scaleIntercept) = PhilipsScale(own, ds);
            // Enhanced frames state their type in Frame Type inside the MR Image Frame Type macro; classic ones in Image Type.
            var frameType = Lookup<string[]>(MRImageFrameTypeSequence, FrameType, (DicomDataset s, DicomTag t, out string[] v) => s.TryGetStrings(t, out v), topLevel: false)
                is (true, var ft) ? ft : ds.TryGetStrings(DicomTags.ImageType, out var it) ? it : [];
            result[i] = new DicomFrameInfo(
                i,
                Number(DicomTags.MREchoSequence, DicomTags.EffectiveEchoTime) ?? (ds.TryGetDouble(DicomTags.EchoTime, out var te) ? te : null),
                Number(DicomTags.PixelValueTransformationSequence, DicomTags.RescaleSlope) ?? 1.0,
                Number(DicomTags.PixelValueTransformationSequence, DicomTags.RescaleIntercept) ?? 0.0,
                Text(DicomTags.PixelValueTransformationSequence, DicomTags.RescaleType),
                scaleSlope, scaleIntercept,
                Numbers(DicomTags.PlanePositionSequence, DicomTags.ImagePositionPatient),
                Numbers(DicomTags.PlaneOrientationSequence, DicomTags.ImageOrientationPatient),
                Numbers(DicomTags.PixelMeasuresSequence, DicomTags.PixelSpacing),
                Number(DicomTags.PixelMeasuresSequence, DicomTags.SliceThickness),
                frameType,
                Text(MRImageFrameTypeSequence, ComplexImageComponent),
                Number(DicomTags.MRTimingAndRelatedParametersSequence, DicomTags.RepetitionTime),
                Number(DicomTags.MRTimingAndRelatedParametersSequence, DicomTags.FlipAngle));
        }
        return result;
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
