using IronNotebooks.Roi;

namespace IronNotebooks.Plotting;

/// <summary>One colour per ROI role, shared by the PNG overlay and the Plotly figure so both read alike.</summary>
public static class RoiColors
{
    private static readonly Dictionary<RoiRole, (byte R, byte G, byte B)> Colors = new()
    {
        [RoiRole.Liver] = (255, 165, 0),
        [RoiRole.MuscleLeftParaspinal] = (220, 40, 40),
        [RoiRole.MuscleRightParaspinal] = (255, 80, 160),
        [RoiRole.Spleen] = (150, 80, 255),
        [RoiRole.HeartSeptum] = (255, 0, 0),
        [RoiRole.Lesion] = (255, 255, 0),
        [RoiRole.PhantomVial] = (0, 200, 255),
        [RoiRole.Background] = (0, 255, 0),
        [RoiRole.Other] = (255, 255, 255),
    };

    /// <summary>The colour of a role as RGB bytes.</summary>
    public static (byte R, byte G, byte B) Of(RoiRole role) => Colors[role];

    /// <summary>The colour of a role as CSS "rgb(r,g,b)".</summary>
    public static string Css(RoiRole role)
    {
        var (r, g, b) = Of(role);
        return $"rgb({r},{g},{b})";
    }
}
