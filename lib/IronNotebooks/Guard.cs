using System.Runtime.CompilerServices;

namespace IronNotebooks;

/// <summary>
/// Argument checks that name the parameter, the value and the accepted range (NodaTime's Preconditions). Caller
/// mistakes become <see cref="ArgumentException"/>s; bad data is the domain's own exceptions.
/// </summary>
internal static class Guard
{
    /// <summary>Rejects NaN and infinities.</summary>
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");

    /// <summary>Rejects values outside [min, max] and NaN.</summary>
    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");

    /// <summary>Rejects integers outside [min, max].</summary>
    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");

    /// <summary>Rejects values that are not strictly positive (and NaN).</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number above 0.");

    /// <summary>Rejects null.</summary>
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : class =>
        value ?? throw new ArgumentNullException(name);

    /// <summary>Rejects collections of different lengths.</summary>
    public static void SameLength(int a, int b, string nameA, string nameB)
    {
        if (a != b) throw new ArgumentException($"{nameA} has {a} values but {nameB} has {b}; they must pair up one to one.", nameB);
    }
}
