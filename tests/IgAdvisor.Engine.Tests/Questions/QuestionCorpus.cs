using IgAdvisor.Testing;
using YamlDotNet.RepresentationModel;

namespace IgAdvisor.Engine.Tests.Questions;

/// <summary>One phrasing of the corpus (tests/corpus/*.yaml) and what must become of it.</summary>
public sealed record CorpusEntry(string File, int Line, string Question, string Status, string? Condition, string? Context, string? Intent, IReadOnlyList<string> Candidates)
{
    public override string ToString() => $"{File}:{Line} {Question}";
}

public static class QuestionCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusEntry>> Entries = new(Load);

    public static IReadOnlyList<CorpusEntry> All => Entries.Value;

    private static List<CorpusEntry> Load()
    {
        var entries = new List<CorpusEntry>();
        var directory = Path.Combine(TestKnowledge.RepositoryRoot, "tests", "corpus");
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path)) stream.Load(reader);
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            foreach (var item in ((YamlSequenceNode)root.Children[new YamlScalarNode("questions")]).Children.Cast<YamlMappingNode>())
            {
                string? Get(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
                var candidates = item.Children.TryGetValue(new YamlScalarNode("candidates"), out var c)
                    ? ((YamlSequenceNode)c).Children.Select(x => ((YamlScalarNode)x).Value!).ToList()
                    : [];
                entries.Add(new CorpusEntry(Path.GetFileName(path), (int)item.Start.Line, Get("q") ?? "", Get("status") ?? "answered", Get("condition"), Get("context"), Get("intent"), candidates));
            }
        }
        return entries;
    }
}
