using IgAdvisor.Engine;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Loading;

namespace IgAdvisor.Testing;

/// <summary>
/// The real knowledge base, loaded once per test run through the same loader the CLI uses
/// (the copy beside the test assembly, or $IGADVISOR_KNOWLEDGE). A test that needs it fails with
/// the loader's diagnostics when it does not validate.
/// </summary>
public static class TestKnowledge
{
    static TestKnowledge()
    {
        // As the CLI host does: patients given as FHIR Bundles are read by IgAdvisor.Fhir.
        IgAdvisor.Engine.Patients.PatientReaders.FhirBundle ??= IgAdvisor.Fhir.FhirBundleReader.Read;
    }

    private static readonly Lazy<LoadResult> Loaded = new(() => KnowledgeLoader.Load(KnowledgeLoader.Locate()));
    private static readonly Lazy<Advisor> LazyAdvisor = new(() => new Advisor(KnowledgeBase));

    public static LoadResult Result => Loaded.Value;

    public static KnowledgeBase KnowledgeBase => Result.KnowledgeBase
        ?? throw new InvalidOperationException("The knowledge base does not validate:\n" + string.Join("\n", Result.Errors.Take(20)));

    public static Advisor Advisor => LazyAdvisor.Value;

    /// <summary>The repository root (where IgAdvisor.slnx is), found from this source file.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IgAdvisor.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + path);
    }
}
