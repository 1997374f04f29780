using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace IronNotebooks.Simulation;

/// <summary>
/// DICOM UIDs that depend only on the simulation seed and what they name, so that the same seed writes byte-identical
/// files: "2.25." followed by the decimal value of the first 128 bits of SHA-256("ironnotebooks-synth|seed|label")
/// (the 2.25 root takes any 128-bit integer, PS3.5 §B.2). At most 44 characters, well under the 64 allowed.
/// </summary>
public static class DeterministicUid
{
    /// <summary>The UID for <paramref name="label"/> (e.g. "SYN-0001/series/3") under <paramref name="seed"/>.</summary>
    public static string Create(ulong seed, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"ironnotebooks-synth|{seed}|{label}")));
        var value = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        if (value.IsZero) value = BigInteger.One; // a UID component may not be empty; probability 2⁻¹²⁸
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }
}
