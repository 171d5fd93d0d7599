using IgAdvisor.Knowledge.Diagnostics;
using Xunit;

namespace IgAdvisor.Loading.Tests;

/// <summary>
/// Each folder under Fixtures/broken overlays the valid fixture with files holding one kind of
/// mistake; expected.txt lists the diagnostics that must be reported (code, file, line or *, field).
/// </summary>
public sealed class BrokenKnowledgeTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Path.Combine(Fixtures, "broken")).Select(d => Path.GetFileName(d)!).Order()];

    [Fact]
    public void ValidFixture_Loads_WithoutAnyDiagnostic()
    {
        var result = KnowledgeLoader.Load(Path.Combine(Fixtures, "valid"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.KnowledgeBase!.Conditions);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BrokenFixture_FailsToLoad_WithLocatedDiagnostics(string name)
    {
        var root = Overlay(name);
        try
        {
            var result = KnowledgeLoader.Load(root);

            Assert.False(result.Succeeded);
            var expected = File.ReadAllLines(Path.Combine(Fixtures, "broken", name, "expected.txt")).Where(l => l.Length > 0).ToList();
            foreach (var line in expected)
            {
                var parts = line.Split(' ');
                var (code, file, at) = (parts[0], parts[1], parts[2]);
                var field = parts.Length > 3 ? parts[3] : null;
                Assert.True(result.Diagnostics.Any(d => d.Code == code && d.File == file && (at == "*" || d.Line.ToString() == at) && (field is null || d.Field == field) && d.IsError),
                    $"expected {line}; got:\n{string.Join("\n", result.Diagnostics)}");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void MissingDirectory_ReportsNoKnowledgeBase()
    {
        var result = KnowledgeLoader.Load(Path.Combine(Fixtures, "does-not-exist"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.MissingKnowledgeBase, diagnostic.Code);
    }

    [Fact]
    public void Diagnostic_ToString_NamesCodeFileLineAndField()
    {
        var d = new Diagnostic("KB020", DiagnosticSeverity.Error, "conditions/x.yaml", 12, 5, "contexts[0].cite", "statement without citations");

        Assert.Equal("KB020 error conditions/x.yaml:12 contexts[0].cite: statement without citations", d.ToString());
    }

    private static string Overlay(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), "igadvisor-fixture-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(Fixtures, "valid"), root);
        Copy(Path.Combine(Fixtures, "broken", name), root, skip: "expected.txt");
        return root;
    }

    private static void Copy(string from, string to, string? skip = null)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative == skip) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
