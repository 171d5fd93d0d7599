using System.Collections.Immutable;
using IgAdvisor.Knowledge.Diagnostics;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Loading;

/// <summary>
/// The outcome of loading a knowledge base: the model when there was no error, and every
/// diagnostic (errors and warnings) in file and line order.
/// </summary>
public sealed record LoadResult(KnowledgeBase? KnowledgeBase, ImmutableArray<Diagnostic> Diagnostics, int FileCount)
{
    public bool Succeeded => KnowledgeBase is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>The knowledge base, or an exception listing the first errors (for hosts that cannot run without one).</summary>
    public KnowledgeBase Require() => KnowledgeBase ?? throw new InvalidKnowledgeBaseException(this);
}

/// <summary>Thrown by <see cref="LoadResult.Require"/> when the knowledge base has errors.</summary>
public sealed class InvalidKnowledgeBaseException(LoadResult result)
    : Exception($"The knowledge base has {result.Errors.Count()} error(s); run 'igadvisor kb validate'. First: {string.Join("; ", result.Errors.Take(3))}")
{
    public LoadResult Result { get; } = result;
}
