using Xunit;

namespace IgAdvisor.Testing;

/// <summary>
/// Compares output with a reviewed, committed golden file. Set IGADVISOR_UPDATE_GOLDEN=1 to
/// rewrite the files after a reviewed change; the diff then shows in version control.
/// </summary>
public static class Golden
{
    public const string UpdateVariable = "IGADVISOR_UPDATE_GOLDEN";

    public static void Verify(string actual, string relativePath)
    {
        var path = Path.Combine(TestKnowledge.RepositoryRoot, relativePath);
        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalised);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {relativePath} does not exist; run the tests with {UpdateVariable}=1 and review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == normalised) return;
        var expectedLines = expected.Split('\n');
        var actualLines = normalised.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{relativePath} differs at line {first + 1}:\n  expected: {(first < expectedLines.Length ? expectedLines[first] : "<end>")}\n  actual:   {(first < actualLines.Length ? actualLines[first] : "<end>")}\n" +
            $"Review the change, then run with {UpdateVariable}=1 to accept it.");
    }
}
