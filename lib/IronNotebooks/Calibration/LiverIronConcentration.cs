using System.Globalization;

namespace IronNotebooks.Calibration;

/// <summary>
/// Liver iron concentration per gram of dry liver. Stored in mg Fe/g; 1 mg/g = 17.907 µmol/g (Fe 55.845 g/mol) =
/// 1,000 µg/g (docs/methods.md §1). Construct through the unit-named factories so that a µmol/g number is never read as mg/g.
/// </summary>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public readonly record struct LiverIronConcentration
{
    /// <summary>µmol Fe per mg Fe: 1000 / 55.845.</summary>
    public const double UmolPerMg = 17.907;

    private LiverIronConcentration(double mgPerGram) => MgPerGram = mgPerGram;

    /// <summary>mg Fe / g dry weight.</summary>
    public double MgPerGram { get; }

    /// <summary>µmol Fe / g dry weight (× 17.907).</summary>
    public double UmolPerGram => MgPerGram * UmolPerMg;

    /// <summary>µg Fe / g dry weight (× 1,000).</summary>
    public double MicrogramsPerGram => MgPerGram * 1000;

    /// <summary>From mg/g. Negative values are allowed (a linear calibration can give them below its range) but must be finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite.</exception>
    public static LiverIronConcentration FromMgPerGram(double mgPerGram) => new(Guard.Finite(mgPerGram));

    /// <summary>From µmol/g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite.</exception>
    public static LiverIronConcentration FromUmolPerGram(double umolPerGram) => new(Guard.Finite(umolPerGram) / UmolPerMg);

    /// <summary>From µg/g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite.</exception>
    public static LiverIronConcentration FromMicrogramsPerGram(double microgramsPerGram) => new(Guard.Finite(microgramsPerGram) / 1000);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MgPerGram:0.###} mg/g ({UmolPerGram:0.#} µmol/g)");
}
