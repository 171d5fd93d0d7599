using System.Collections.Immutable;
using System.Globalization;
using IgAdvisor.Knowledge.Model;
using YamlDotNet.RepresentationModel;

namespace IgAdvisor.Loading.Yaml;

/// <summary>
/// A YAML mapping read field by field. Every key asked for is remembered, so that
/// <see cref="Done"/> can report the keys nobody asked for (KB002, with the nearest known key).
/// Every problem is a diagnostic; reading never throws.
/// </summary>
internal sealed class Map
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private Map(YamlMappingNode node, string path, FileScope file)
    {
        _node = node;
        Path = path;
        File = file;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name }) _entries[name] = (key, value);
        }
    }

    public string Path { get; }
    public FileScope File { get; }
    public YamlMappingNode Node => _node;
    public Origin Origin => File.OriginOf(_node, Path);

    /// <summary>Reads <paramref name="node"/> as a mapping, or reports KB004 and returns null.</summary>
    public static Map? From(YamlNode? node, string path, FileScope file, string what)
    {
        if (node is YamlMappingNode mapping) return new Map(mapping, path, file);
        file.Error(DiagnosticCodes.WrongShape, node, path, $"expected {what} (a mapping of fields)");
        return null;
    }

    public string Sub(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>True when <paramref name="key"/> is present with a non-null value.</summary>
    public bool Has(string key)
    {
        _known.Add(key);
        return _entries.TryGetValue(key, out var e) && !IsNull(e.Value);
    }

    /// <summary>The raw node of <paramref name="key"/>, or null when absent or null; reports KB003 when required.</summary>
    public YamlNode? Raw(string key, bool required = false)
    {
        _known.Add(key);
        if (_entries.TryGetValue(key, out var e) && !IsNull(e.Value)) return e.Value;
        if (required) File.Error(DiagnosticCodes.MissingField, _node, Sub(key), $"required field '{key}' is missing");
        return null;
    }

    public string? Text(string key, bool required = false)
    {
        var node = Raw(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode scalar)
        {
            var value = scalar.Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (required) File.Error(DiagnosticCodes.MissingField, node, Sub(key), $"required field '{key}' is empty");
                return null;
            }
            return value;
        }
        File.Error(DiagnosticCodes.WrongShape, node, Sub(key), $"'{key}' must be a single value, not a {Describe(node)}");
        return null;
    }

    public string? Id(string key, bool required = true)
    {
        var value = Text(key, required);
        if (value is null) return null;
        if (!IdSyntax.IsValid(value))
        {
            File.Error(DiagnosticCodes.MalformedId, Raw(key), Sub(key), $"'{value}' is not a valid id (lower case letters, digits, '-' and '.')");
            return null;
        }
        return value;
    }

    public int? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            File.Error(DiagnosticCodes.WrongShape, Raw(key), Sub(key), $"'{key}' must be a whole number, not '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            File.Error(DiagnosticCodes.ImplausibleDose, Raw(key), Sub(key), $"'{key}' is {value}, outside {min}-{max}");
            return null;
        }
        return value;
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        File.Error(DiagnosticCodes.WrongShape, Raw(key), Sub(key), $"'{key}' must be a number, not '{text}'");
        return null;
    }

    public bool Bool(string key, bool defaultValue = false)
    {
        var text = Text(key);
        if (text is null) return defaultValue;
        switch (text)
        {
            case "true": return true;
            case "false": return false;
            default:
                File.Error(DiagnosticCodes.WrongShape, Raw(key), Sub(key), $"'{key}' must be true or false, not '{text}'");
                return defaultValue;
        }
    }

    public T? Enum<T>(string key, bool required = false) where T : struct, System.Enum
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (EnumText.TryParse<T>(text, out var value)) return value;
        File.Error(DiagnosticCodes.OutsideEnumeration, Raw(key), Sub(key),
            $"'{text}' is not a valid {key}; expected one of: {string.Join(", ", EnumText.Words<T>())}");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        File.Error(DiagnosticCodes.MalformedCode, Raw(key), Sub(key), $"'{text}' is not a date of the form YYYY-MM-DD");
        return null;
    }

    /// <summary>A list of single values; a lone value where a list is expected is KB004.</summary>
    public ImmutableArray<string> Texts(string key, bool required = false)
    {
        var node = Raw(key, required);
        if (node is null) return [];
        if (node is not YamlSequenceNode sequence)
        {
            File.Error(DiagnosticCodes.WrongShape, node, Sub(key), $"'{key}' must be a list (write [{(node as YamlScalarNode)?.Value}])");
            return [];
        }
        var builder = ImmutableArray.CreateBuilder<string>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            if (item is YamlScalarNode { Value: { } v } && v.Trim().Length > 0) builder.Add(v.Trim());
            else File.Error(DiagnosticCodes.WrongShape, item, $"{Sub(key)}[{i}]", $"items of '{key}' must be single values");
        }
        if (required && builder.Count == 0) File.Error(DiagnosticCodes.MissingField, node, Sub(key), $"'{key}' must not be empty");
        return builder.ToImmutable();
    }

    /// <summary>Each item of a list of mappings, with its path.</summary>
    public IEnumerable<Map> Maps(string key, string what, bool required = false)
    {
        var node = Raw(key, required);
        if (node is null) yield break;
        if (node is not YamlSequenceNode sequence)
        {
            File.Error(DiagnosticCodes.WrongShape, node, Sub(key), $"'{key}' must be a list of {what}");
            yield break;
        }
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = From(sequence.Children[i], $"{Sub(key)}[{i}]", File, what);
            if (item is not null) yield return item;
        }
    }

    public Map? Child(string key, string what, bool required = false)
    {
        var node = Raw(key, required);
        return node is null ? null : From(node, Sub(key), File, what);
    }

    /// <summary>Reports every key that no reader asked for (KB002), suggesting the nearest known key.</summary>
    public void Done()
    {
        foreach (var (name, (keyNode, _)) in _entries)
        {
            if (_known.Contains(name)) continue;
            var suggestion = Nearest(name, _known);
            File.Error(DiagnosticCodes.UnknownField, keyNode, Sub(name),
                suggestion is null ? $"unknown field '{name}'" : $"unknown field '{name}' (did you mean '{suggestion}'?)");
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };

    private static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = candidate; }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
