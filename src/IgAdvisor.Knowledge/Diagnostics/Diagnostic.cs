namespace IgAdvisor.Knowledge.Diagnostics;

/// <summary>How much a diagnostic matters: only errors block loading.</summary>
public enum DiagnosticSeverity { Error, Warning }

/// <summary>
/// An expected problem (a bad knowledge file, a bad patient record), with a stable code, a
/// severity and a location: file, 1-based line and column, and the field path.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string File, int Line, int Column, string Field, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Code} {(IsError ? "error" : "warning")} {File}:{Line}{(Field.Length > 0 ? " " + Field : "")}: {Message}";
}
