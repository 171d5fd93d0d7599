using BenchmarkDotNet.Attributes;
using IgAdvisor.Loading;
using YamlDotNet.RepresentationModel;

namespace IgAdvisor.Benchmarks;

/// <summary>Loading and validating the knowledge base, beside parsing its YAML alone (the baseline).</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string[] _files = [];

    [GlobalSetup]
    public void Setup() => _files = Directory.GetFiles(Shared.Root, "*.yaml", SearchOption.AllDirectories);

    [Benchmark(Baseline = true, Description = "parse YAML only")]
    public int ParseYamlOnly()
    {
        var nodes = 0;
        foreach (var file in _files)
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            nodes += stream.Documents.Count;
        }
        return nodes;
    }

    [Benchmark(Description = "load + validate knowledge base")]
    public int LoadAndValidate() => KnowledgeLoader.Load(Shared.Root).Diagnostics.Length;
}
