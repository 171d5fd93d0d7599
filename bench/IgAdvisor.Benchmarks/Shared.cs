using IgAdvisor.Engine;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Loading;

namespace IgAdvisor.Benchmarks;

/// <summary>The knowledge base loaded once, as every benchmark's starting point.</summary>
public static class Shared
{
    public static string Root { get; } = KnowledgeLoader.Locate();

    private static readonly Lazy<KnowledgeBase> Kb = new(() => KnowledgeLoader.Load(Root).Require());
    private static readonly Lazy<Advisor> LazyAdvisor = new(() => new Advisor(Kb.Value));

    public static KnowledgeBase KnowledgeBase => Kb.Value;
    public static Advisor Advisor => LazyAdvisor.Value;
}
