using IgAdvisor.Engine;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Loading;

namespace IgAdvisor.Benchmarks;

/// <summary>The knowledge base loaded once, as every benchmark's starting point.</summary>
public static class Shared
{
    public static string Root { get; } = KnowledgeLoader.Locate();

    /// <summary>The repository (where IgAdvisor.slnx is), for the test patients the benchmarks read.</summary>
    public static string Repository { get; } = FindRepository();

    private static string FindRepository()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "IgAdvisor.slnx"))) return d.FullName;
        throw new InvalidOperationException("run the benchmarks from the repository (IgAdvisor.slnx not found above " + AppContext.BaseDirectory + ")");
    }

    private static readonly Lazy<KnowledgeBase> Kb = new(() => KnowledgeLoader.Load(Root).Require());
    private static readonly Lazy<Advisor> LazyAdvisor = new(() => new Advisor(Kb.Value));

    public static KnowledgeBase KnowledgeBase => Kb.Value;
    public static Advisor Advisor => LazyAdvisor.Value;
}
