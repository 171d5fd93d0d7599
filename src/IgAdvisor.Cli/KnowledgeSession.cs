using IgAdvisor.Engine;
using IgAdvisor.Loading;

namespace IgAdvisor.Cli;

/// <summary>Loads the knowledge base once per command; an invalid one stops the command with its first errors.</summary>
internal static class KnowledgeSession
{
    public static Advisor? Open(string? directory, CliConsole console)
    {
        var root = KnowledgeLoader.Locate(directory);
        var result = KnowledgeLoader.Load(root);
        if (result.KnowledgeBase is { } kb) return new Advisor(kb);
        console.Error.WriteLine($"igadvisor: the knowledge base at {root} is invalid ({result.Errors.Count()} errors); run 'igadvisor kb validate'. First errors:");
        foreach (var e in result.Errors.Take(5)) console.Error.WriteLine("  " + e);
        return null;
    }
}
