using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IronNotebooks.Reproduction;

/// <summary>
/// One figure of a publication set against the value a notebook reproduces, with the tolerance judged acceptable and
/// where the figure comes from. Displaying it in a notebook (<c>display(check)</c> or as a cell's last expression)
/// shows a one-line verdict and also emits <see cref="MimeType"/> JSON, which <c>ironnb run</c> and
/// <c>ironnb reproduce</c> collect into their summary. Notebooks build it with <see cref="Compare"/>.
/// </summary>
/// <param name="Quantity">What is compared, e.g. "AUC for LIC ≥ 1.8 mg/g (Table 3)".</param>
/// <param name="Unit">Unit of the three numbers ("" for dimensionless ones such as an AUC).</param>
/// <param name="Published">The value as printed in the source.</param>
/// <param name="Reproduced">The value the notebook computed.</param>
/// <param name="Tolerance">Largest acceptable |reproduced − published|, same unit; say in the notebook why (rounding of the printed value, …).</param>
/// <param name="Source">Citation of the published value (author, year, table or figure, DOI).</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(PublishedCheckFormatterSource), PreferredMimeTypes = ["text/html", "text/plain", MimeType])]
public sealed record PublishedCheck(string Quantity, string Unit, double Published, double Reproduced, double Tolerance, string Source)
{
    /// <summary>The MIME type of the machine-readable form (schema "ironnb-check/1").</summary>
    public const string MimeType = "application/vnd.ironnb.check+json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Compares a reproduced value with a published one.</summary>
    /// <exception cref="ArgumentException">Empty quantity or source, published value or tolerance not finite, tolerance below 0.</exception>
    public static PublishedCheck Compare(string quantity, double published, double reproduced, double tolerance, string source, string unit = "")
    {
        if (string.IsNullOrWhiteSpace(quantity)) throw new ArgumentException("quantity must name what is compared.", nameof(quantity));
        if (string.IsNullOrWhiteSpace(source)) throw new ArgumentException("source must cite where the published value comes from.", nameof(source));
        Guard.Finite(published);
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be a finite number of 0 or more.");
        return new PublishedCheck(quantity, unit, published, reproduced, tolerance, source);
    }

    /// <summary>reproduced − published (NaN when the reproduced value is NaN).</summary>
    public double Difference => Reproduced - Published;

    /// <summary>
    /// Match when |reproduced − published| ≤ tolerance, the comparison widened by 1e-12 of the larger magnitude so that
    /// decimal figures compare as printed (0.925 − 0.92 is 0.0050000000000000044 in binary); a NaN or infinite
    /// reproduced value differs. The runner applies the same rule to the JSON (CheckRecord).
    /// </summary>
    public CheckVerdict Verdict => double.IsFinite(Reproduced)
        && Math.Abs(Difference) <= Tolerance + 1e-12 * Math.Max(Math.Abs(Published), Math.Abs(Reproduced)) ? CheckVerdict.Match : CheckVerdict.Differs;

    /// <summary>The <see cref="MimeType"/> JSON: schema, quantity, unit, published, reproduced, tolerance, difference, source, verdict.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        schema = "ironnb-check/1", Quantity, Unit, Published, Reproduced, Tolerance, Difference, Source, Verdict,
    }, Json);

    /// <summary>One line: quantity, published, reproduced, tolerance and verdict.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Quantity}: published {Published:G6}{UnitSuffix}, reproduced {Reproduced:G6}{UnitSuffix} (tolerance ±{Tolerance:G6}) → {(Verdict == CheckVerdict.Match ? "match" : "DIFFERS")} [{Source}]");

    private string UnitSuffix => Unit.Length > 0 ? " " + Unit : "";
}
