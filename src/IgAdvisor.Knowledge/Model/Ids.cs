namespace IgAdvisor.Knowledge.Model;

/// <summary>Rules shared by every identifier kind: lower case, digits, '-' and '.'.</summary>
public static class IdSyntax
{
    /// <summary>True when <paramref name="value"/> matches <c>^[a-z0-9]+([.-][a-z0-9]+)*$</c>.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var previousWasSeparator = true;
        foreach (var c in value)
        {
            var separator = c is '-' or '.';
            if (separator && previousWasSeparator) return false;
            if (!separator && !(c is >= 'a' and <= 'z' or >= '0' and <= '9')) return false;
            previousWasSeparator = separator;
        }
        return !previousWasSeparator;
    }
}

/// <summary>Identifies a condition, e.g. <c>antiphospholipid-syndrome</c>.</summary>
public readonly record struct ConditionId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a clinical context within its condition, e.g. <c>thrombotic</c>.</summary>
public readonly record struct ContextId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a bibliographic source, e.g. <c>acr-2020-reproductive-health</c>.</summary>
public readonly record struct SourceId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a patient fact, e.g. <c>platelet-count</c>.</summary>
public readonly record struct FactId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a therapy, procedure or drug class, e.g. <c>rituximab</c>.</summary>
public readonly record struct DrugId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies an immunoglobulin product, e.g. <c>privigen</c>.</summary>
public readonly record struct ProductId(string Value)
{
    public override string ToString() => Value;
}
