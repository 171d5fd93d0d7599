namespace IgAdvisor.Knowledge.Model;

/// <summary>
/// Where a piece of knowledge was written: file relative to the knowledge root, 1-based line and
/// column, and the field path within the file (<c>contexts[0].verdict.role</c>). Every computable
/// element keeps its origin so that an answer or a diagnostic can point back to the row it came from.
/// </summary>
public sealed record Origin(string File, int Line, int Column, string Path)
{
    /// <summary>An origin for elements built in code (tests, defaults).</summary>
    public static Origin None { get; } = new("(none)", 0, 0, "");

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
