using System.Diagnostics;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Fhir.Tests;

/// <summary>
/// Every FHIR Bundle the tests and examples use is checked by an independent R4 validator (FHIR.js,
/// tools/fhir-validator), so the reader is never tested only against JSON it was written for.
/// CI installs the validator and sets IGADVISOR_REQUIRE_FHIR_VALIDATOR=1, which turns its absence
/// into a failure; on a developer machine without it the tests say how to install it and skip.
/// </summary>
public sealed class R4ValidationTests
{
    private static readonly string Root = TestKnowledge.RepositoryRoot;
    private static readonly string ValidatorDirectory = Path.Combine(Root, "tools", "fhir-validator");

    public static IEnumerable<string> ValidBundles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "tests", "IgAdvisor.Fhir.Tests", "Bundles"), "*.json")
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "tests", "cases"), "bundle.json", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.fhir.json"))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void TestAndExampleBundles_AreValidR4()
    {
        var files = ValidBundles().ToList();
        Assert.True(files.Count >= 5, $"only {files.Count} bundles found");
        var (exit, output) = RunValidator(files);
        Assert.True(exit == 0, "the R4 validator rejected a bundle:\n" + output);
        Assert.Contains($"{files.Count} valid, 0 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RejectsABundleThatIsNotR4()
    {
        var (exit, output) = RunValidator([Path.Combine(Root, "tests", "IgAdvisor.Fhir.Tests", "Bundles", "invalid", "not-r4.json")]);
        Assert.Equal(1, exit);
        Assert.Contains("Observation.status", output, StringComparison.Ordinal);
        Assert.Contains("Unexpected property", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) RunValidator(IReadOnlyList<string> files)
    {
        if (!Directory.Exists(Path.Combine(ValidatorDirectory, "node_modules", "fhir")))
        {
            const string install = "the FHIR R4 validator is not installed: run 'npm ci --prefix tools/fhir-validator' (Node.js and npm needed)";
            if (Environment.GetEnvironmentVariable("IGADVISOR_REQUIRE_FHIR_VALIDATOR") == "1") Assert.Fail(install);
            Assert.Skip(install);
        }
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(ValidatorDirectory, "validate.js"));
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(true); Assert.Fail("the validator took more than 2 minutes"); }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
