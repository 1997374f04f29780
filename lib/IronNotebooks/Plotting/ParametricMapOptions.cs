namespace IronNotebooks.Plotting;

/// <summary>Options of <see cref="ParametricMapPlot"/>; change with <c>with</c>.</summary>
public sealed record ParametricMapOptions
{
    /// <summary>An R2* map: "R2* (s⁻¹)", Viridis, window from the 1st to 99th percentile.</summary>
    public static ParametricMapOptions R2Star { get; } = new();

    /// <summary>Figure title, or null for one made from the data.</summary>
    public string? Title { get; init; }

    /// <summary>Name of the mapped quantity, e.g. "R2*".</summary>
    public string Quantity { get; init; } = "R2*";

    /// <summary>Unit of the mapped values, e.g. "s⁻¹".</summary>
    public string Unit { get; init; } = "s⁻¹";

    /// <summary>Plotly colour scale name.</summary>
    public string ColorScale { get; init; } = "Viridis";

    /// <summary>Value at the bottom of the colour scale, or null for the 1st percentile of the finite values.</summary>
    public double? ZMin { get; init; }

    /// <summary>Value at the top of the colour scale, or null for the 99th percentile.</summary>
    public double? ZMax { get; init; }

    /// <summary>How to turn the picture; null for radiological from the geometry.</summary>
    public DisplayOrientation? Orientation { get; init; }

    /// <summary>Write each ROI's name, mean value and finite-pixel count beside it.</summary>
    public bool LabelRois { get; init; } = true;
}
