using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>
/// Formats a displayed value the way Polyglot Notebooks does without referencing it (docs/architecture.md (Notebooks), contract item 1):
/// the first attribute named <c>TypeFormatterSourceAttribute</c> on the value's runtime type or a base type supplies a
/// formatter source; each formatter (<c>string MimeType</c>, <c>bool Format(object, TextWriter)</c>, optional
/// <c>Type Type</c>) that accepts the value contributes its MIME type. Values without the attribute become text/plain.
/// </summary>
public static class DisplayFormatter
{
    /// <summary>The attribute name matched on displayed types, as Polyglot Notebooks matches it.</summary>
    public const string AttributeName = "TypeFormatterSourceAttribute";

    private const int MaxItems = 100;
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConventionFormatter>> Cache = new();

    /// <summary>
    /// MIME type → content for <paramref name="value"/>. With <paramref name="mimeTypes"/> only those types are produced
    /// (text/plain falls back to ToString). Without, every type the formatters provide, the attribute's
    /// PreferredMimeTypes first; text/plain is added when no formatter gives it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The attribute or a formatter breaks the convention; the message names the type.</exception>
    public static IReadOnlyDictionary<string, string> Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = mimeTypes is { Count: > 0 } ? mimeTypes : null;
        if (value is not null and not string)
        {
            foreach (var f in FormattersFor(value.GetType()))
            {
                if (result.ContainsKey(f.MimeType) || (wanted is not null && !wanted.Contains(f.MimeType))) continue;
                if (f.TryFormat(value) is { } text) result[f.MimeType] = text;
            }
        }
        if (!result.ContainsKey("text/plain") && (wanted is null || wanted.Contains("text/plain") || result.Count == 0))
            result["text/plain"] = PlainText(value);
        return result;
    }

    /// <summary>Plain text for a value without formatters: strings as they are, collections as [a, b, …], the rest by ToString().</summary>
    public static string PlainText(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary d => "{ " + string.Join(", ", Entries(d).Take(MaxItems).Select(e => $"{Item(e.Key)}: {Item(e.Value)}")) + More(d.Count) + " }",
        IEnumerable e when !HasOwnToString(value.GetType()) => List(e),
        _ => value.ToString() ?? "",
    };

    // IDictionary's own enumerator gives DictionaryEntry; the generic one a Dictionary also has gives KeyValuePair.
    private static IEnumerable<DictionaryEntry> Entries(IDictionary d)
    {
        var e = d.GetEnumerator();
        while (e.MoveNext()) yield return e.Entry;
    }

    private static string List(IEnumerable items)
    {
        var shown = new List<string>();
        int count = 0;
        foreach (var item in items)
        {
            if (count++ < MaxItems) shown.Add(Item(item));
        }
        return "[" + string.Join(", ", shown) + More(count) + "]";
    }

    private static string More(int count) => count > MaxItems ? $", … ({count} items)" : "";

    private static string Item(object? item) => item is string s ? "\"" + s + "\"" : PlainText(item);

    // Records and types that override ToString say what they want; plain collections print their type name otherwise.
    private static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } d && d != typeof(object) && d.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;

    private static IReadOnlyList<ConventionFormatter> FormattersFor(Type type) => Cache.GetOrAdd(type, Discover);

    private static IReadOnlyList<ConventionFormatter> Discover(Type type)
    {
        var attribute = FindAttribute(type);
        if (attribute is null) return [];
        var attrType = attribute.GetType();
        var sourceType = attrType.GetProperty("FormatterSourceType")?.GetValue(attribute) as Type
            ?? throw new InvalidOperationException($"{attrType.FullName} on {type.FullName} has no public FormatterSourceType property.");
        var preferred = attrType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[] ?? [];
        object source = Activator.CreateInstance(sourceType)
            ?? throw new InvalidOperationException($"Cannot create the formatter source {sourceType.FullName}.");
        var create = sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)
            ?? throw new InvalidOperationException($"{sourceType.FullName} has no public CreateTypeFormatters() method.");
        var formatters = ((IEnumerable?)create.Invoke(source, null) ?? Array.Empty<object>()).Cast<object>()
            .Select(f => ConventionFormatter.From(f, sourceType)).ToList();
        // Preferred MIME types first, then the formatters' own order.
        return formatters.OrderBy(f => Array.IndexOf(preferred, f.MimeType) is var i && i >= 0 ? i : int.MaxValue).ToList();
    }

    private static Attribute? FindAttribute(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var a in t.GetCustomAttributes(inherit: false))
                if (a.GetType().Name == AttributeName) return (Attribute)a;
        return null;
    }

    private sealed record ConventionFormatter(object Instance, string MimeType, Type? ForType, MethodInfo FormatMethod)
    {
        public static ConventionFormatter From(object formatter, Type sourceType)
        {
            var t = formatter.GetType();
            string mime = t.GetProperty("MimeType")?.GetValue(formatter) as string
                ?? throw new InvalidOperationException($"A formatter from {sourceType.FullName} ({t.FullName}) has no public string MimeType.");
            var format = t.GetMethods(BindingFlags.Public | BindingFlags.Instance).SingleOrDefault(m => m.Name == "Format" && m.ReturnType == typeof(bool)
                    && m.GetParameters() is [var p0, var p1] && p0.ParameterType == typeof(object) && p1.ParameterType == typeof(TextWriter))
                ?? throw new InvalidOperationException($"Formatter {t.FullName} has no public bool Format(object, TextWriter).");
            var forType = t.GetProperty("Type")?.GetValue(formatter) as Type;
            return new ConventionFormatter(formatter, mime, forType, format);
        }

        public string? TryFormat(object value)
        {
            if (ForType is not null && !ForType.IsInstanceOfType(value)) return null;
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            try
            {
                return (bool)FormatMethod.Invoke(Instance, [value, writer])! ? writer.ToString() : null;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"The {MimeType} formatter {Instance.GetType().FullName} failed on a {value.GetType().Name}: {e.InnerException.Message}", e.InnerException);
            }
        }
    }
}
