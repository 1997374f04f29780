namespace IronNotebooks.Display;

/// <summary>
/// One column of a <see cref="ResultTable"/>: a header (with its unit, e.g. "LIC (µmol/g)") and how to read the cell
/// from a row item. Numbers are formatted culture-invariantly: with <paramref name="Digits"/> decimals when given,
/// otherwise to 4 significant digits; null and NaN show as "–".
/// </summary>
/// <typeparam name="T">The row item.</typeparam>
/// <param name="Header">Column header, unit included.</param>
/// <param name="Value">The cell's value for one item (a number, text, enum, bool or null).</param>
/// <param name="Digits">Decimals for numbers, or null for 4 significant digits.</param>
public sealed record TableColumn<T>(string Header, Func<T, object?> Value, int? Digits = null);
