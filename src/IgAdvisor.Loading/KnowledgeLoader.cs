using System.Collections.Immutable;
using IgAdvisor.Knowledge.Diagnostics;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Loading.Readers;
using IgAdvisor.Loading.Validation;
using IgAdvisor.Loading.Yaml;

namespace IgAdvisor.Loading;

/// <summary>
/// Loads the knowledge base from a directory: reads every file (in parallel; each file's
/// diagnostics stay its own), assembles the model, then validates cross-file rules. A knowledge
/// base with any error is not returned; its diagnostics are.
/// </summary>
public static class KnowledgeLoader
{
    /// <summary>The environment variable that overrides where the knowledge base is looked for.</summary>
    public const string EnvironmentVariable = "IGADVISOR_KNOWLEDGE";

    /// <summary>
    /// Where to load from: <paramref name="explicitPath"/>, else $IGADVISOR_KNOWLEDGE, else the
    /// <c>knowledge</c> folder copied beside the running assembly.
    /// </summary>
    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        return Path.Combine(AppContext.BaseDirectory, "knowledge");
    }

    public static LoadResult Load(string root)
    {
        if (!File.Exists(Path.Combine(root, "knowledge-base.yaml")))
        {
            var missing = new Diagnostic(DiagnosticCodes.MissingKnowledgeBase, DiagnosticSeverity.Error, root, 0, 0, "",
                $"no knowledge base here: '{Path.Combine(root, "knowledge-base.yaml")}' does not exist");
            return new LoadResult(null, [missing], 0);
        }

        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var parsed = new FileContent[files.Length];
        Parallel.For(0, files.Length, i => parsed[i] = ReadFile(root, files[i]));

        var content = new Assembled();
        foreach (var file in parsed) content.Add(file);
        var diagnostics = parsed.SelectMany(p => p.Diagnostics).ToList();
        diagnostics.AddRange(KnowledgeValidator.Validate(content));

        var ordered = diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToImmutableArray();
        if (ordered.Any(d => d.IsError) || content.Version is null || content.Released is null)
            return new LoadResult(null, ordered, files.Length);

        var vocabulary = new Vocabulary([.. content.Facets], [.. content.Ambiguous], [.. content.Intents], content.DrugTerms,
            content.Uncovered, content.CommonWords, content.NeutralPhrases, content.Spellings);
        var knowledgeBase = new KnowledgeBase(content.Version, content.Released.Value, content.Conditions.Select(c => c.Condition), content.Sources,
            content.Facts, content.Drugs, content.Products, vocabulary, content.DosingPolicy ?? DosingPolicySettings.Default, content.SafetyRules);
        return new LoadResult(knowledgeBase, ordered, files.Length);
    }

    private static FileContent ReadFile(string root, string relative)
    {
        var diagnostics = new List<Diagnostic>();
        var scope = new FileScope(relative, diagnostics);
        var content = new FileContent(relative, diagnostics);
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(root, relative));
        }
        catch (IOException e)
        {
            scope.Report(DiagnosticCodes.MalformedYaml, DiagnosticSeverity.Error, YamlDotNet.Core.Mark.Empty, "", $"cannot read the file: {e.Message}");
            return content;
        }
        var node = scope.Parse(text);
        if (node is null) return content;
        var folder = relative.Contains('/') ? relative[..relative.IndexOf('/')] : "";
        var name = Path.GetFileNameWithoutExtension(relative);
        var root0 = Map.From(node, "", scope, "a mapping at the top of the file");
        if (root0 is null) return content;
        switch (folder, name)
        {
            case ("", "knowledge-base"):
                content.Header = VocabularyReaders.Header(root0);
                break;
            case ("sources", _):
                content.Sources.AddRange(CatalogueReaders.Sources(root0));
                break;
            case ("facts", _):
                content.Facts.AddRange(CatalogueReaders.Facts(root0));
                break;
            case ("drugs", _):
                content.Drugs.AddRange(CatalogueReaders.Drugs(root0));
                break;
            case ("products", _):
                content.Products.AddRange(CatalogueReaders.Products(root0));
                break;
            case ("conditions", _):
                content.Condition = ConditionReader.Read(root0);
                break;
            case ("vocabulary", "facets"):
                content.Facets.AddRange(VocabularyReaders.Facets(root0));
                break;
            case ("vocabulary", "ambiguous"):
                content.Ambiguous.AddRange(VocabularyReaders.Ambiguous(root0));
                break;
            case ("vocabulary", "intents"):
                content.Intents.AddRange(VocabularyReaders.Intents(root0));
                break;
            case ("vocabulary", "language"):
                content.Language = VocabularyReaders.Language(root0);
                break;
            case ("safety", _):
                content.SafetyRules.AddRange(ConditionReader.ReadCautions(root0, required: true));
                root0.Done();
                break;
            case ("policies", "dosing-weight"):
                content.DosingPolicy = VocabularyReaders.DosingPolicy(root0);
                break;
            default:
                scope.Warning(DiagnosticCodes.UnknownField, node, "", "this file is not part of any known folder or name and was not read");
                break;
        }
        return content;
    }
}

/// <summary>What one file contributed.</summary>
internal sealed class FileContent(string file, List<Diagnostic> diagnostics)
{
    public string File { get; } = file;
    public List<Diagnostic> Diagnostics { get; } = diagnostics;
    public (string? Version, DateOnly? Released)? Header { get; set; }
    public List<Source> Sources { get; } = [];
    public List<FactDefinition> Facts { get; } = [];
    public List<Drug> Drugs { get; } = [];
    public List<Product> Products { get; } = [];
    public Condition? Condition { get; set; }
    public List<Facet> Facets { get; } = [];
    public List<AmbiguousTerm> Ambiguous { get; } = [];
    public List<IntentDefinition> Intents { get; } = [];
    public LanguageContent? Language { get; set; }
    public DosingPolicySettings? DosingPolicy { get; set; }
    public List<Caution> SafetyRules { get; } = [];
}

/// <summary>Everything read, before cross-file validation.</summary>
internal sealed class Assembled
{
    public string? Version { get; private set; }
    public DateOnly? Released { get; private set; }
    public List<(Condition Condition, string File)> Conditions { get; } = [];
    public List<Source> Sources { get; } = [];
    public List<FactDefinition> Facts { get; } = [];
    public List<Drug> Drugs { get; } = [];
    public List<Product> Products { get; } = [];
    public List<Facet> Facets { get; } = [];
    public List<AmbiguousTerm> Ambiguous { get; } = [];
    public List<IntentDefinition> Intents { get; } = [];
    public ImmutableArray<string> DrugTerms { get; private set; } = [];
    public ImmutableArray<UncoveredCondition> Uncovered { get; private set; } = [];
    public ImmutableArray<string> CommonWords { get; private set; } = [];
    public ImmutableArray<string> NeutralPhrases { get; private set; } = [];
    public ImmutableDictionary<string, string> Spellings { get; private set; } = ImmutableDictionary<string, string>.Empty;
    public DosingPolicySettings? DosingPolicy { get; private set; }
    public List<Caution> SafetyRules { get; } = [];

    public void Add(FileContent file)
    {
        SafetyRules.AddRange(file.SafetyRules);
        if (file.Header is { } header) (Version, Released) = header;
        Sources.AddRange(file.Sources);
        Facts.AddRange(file.Facts);
        Drugs.AddRange(file.Drugs);
        Products.AddRange(file.Products);
        if (file.Condition is { } condition) Conditions.Add((condition, file.File));
        Facets.AddRange(file.Facets);
        Ambiguous.AddRange(file.Ambiguous);
        Intents.AddRange(file.Intents);
        if (file.Language is { } language)
        {
            DrugTerms = language.DrugTerms;
            Uncovered = language.Uncovered;
            CommonWords = language.CommonWords;
            NeutralPhrases = language.NeutralPhrases;
            Spellings = language.Spellings;
        }
        if (file.DosingPolicy is { } policy) DosingPolicy = policy;
    }
}
