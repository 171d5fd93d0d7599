using System.Collections.Immutable;

namespace IgAdvisor.Knowledge.Model;

/// <summary>
/// A bibliographic source. <see cref="Addresses"/> names the conditions it is about; a
/// <see cref="General"/> source (a label, a national criteria document, a whole-field review) is
/// direct for any condition it discusses. A source about none of the covered conditions says what
/// it is <see cref="About"/> (an experimental model, another disease). Citing any source that is not
/// direct from a condition needs an indirect mark with a reason.
/// </summary>
public sealed record Source(
    SourceId Id,
    SourceType Type,
    string? Body,
    string? Authors,
    string Title,
    string? Journal,
    int Year,
    string? Volume,
    string? Issue,
    string? Pages,
    string? Pmid,
    string? Doi,
    string? Url,
    ImmutableArray<ConditionId> Addresses,
    bool General,
    string? About,
    string? Note,
    Origin Origin)
{
    /// <summary>True when citing this source from <paramref name="condition"/> is direct evidence.</summary>
    public bool IsDirectFor(ConditionId condition) => General || Addresses.Contains(condition);
}
