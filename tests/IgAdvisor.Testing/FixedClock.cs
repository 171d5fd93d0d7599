namespace IgAdvisor.Testing;

/// <summary>A clock fixed at one instant, so that ages from birth dates do not change with the date.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The date the clinical cases were written against.</summary>
    public static FixedClock CaseDate { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
