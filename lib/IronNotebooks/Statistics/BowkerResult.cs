namespace IronNotebooks.Statistics;

/// <summary>Bowker's test of symmetry of a k × k table (see <see cref="McNemar.Bowker"/>).</summary>
/// <param name="ChiSquare">Σ over pairs i &lt; j with nᵢⱼ + nⱼᵢ &gt; 0 of (nᵢⱼ − nⱼᵢ)²/(nᵢⱼ + nⱼᵢ).</param>
/// <param name="DegreesOfFreedom">Pairs that entered the sum.</param>
/// <param name="P">Upper-tail χ² p-value; 1 when no pair entered.</param>
/// <param name="PairsSkipped">Off-diagonal pairs with no counts (R's <c>mcnemar.test</c> returns NaN instead).</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record BowkerResult(double ChiSquare, int DegreesOfFreedom, double P, int PairsSkipped, IReadOnlyList<string> Warnings);
