namespace IgAdvisor.Loading;

/// <summary>Stable diagnostic codes of the knowledge base loader (docs/knowledge-authoring.md).</summary>
public static class DiagnosticCodes
{
    public const string MalformedYaml = "KB001";
    public const string UnknownField = "KB002";
    public const string MissingField = "KB003";
    public const string WrongShape = "KB004";
    public const string OutsideEnumeration = "KB005";
    public const string MalformedId = "KB006";
    public const string DuplicateId = "KB010";
    public const string FileNameMismatch = "KB011";
    public const string DuplicatePublication = "KB012";
    public const string SourceWithoutLocator = "KB013";
    public const string MalformedCode = "KB014";
    public const string DuplicateCode = "KB015";
    public const string UncitedStatement = "KB020";
    public const string UnknownSource = "KB030";
    public const string UnknownReference = "KB031";
    public const string QuantityWithoutUnit = "KB040";
    public const string ImplausibleDose = "KB041";
    public const string MalformedTest = "KB045";
    public const string SourceNeverCited = "KB050";
    public const string IndirectWithoutMark = "KB060";
    public const string NeedlessIndirectMark = "KB061";
    public const string UnknownHeadline = "KB070";
    public const string ContextWithoutVerdict = "KB071";
    public const string MissingKnowledgeBase = "KB090";
}
