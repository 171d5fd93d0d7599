using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;
using Xunit;

namespace IgAdvisor.Engine.Tests.Patients;

/// <summary>A censored laboratory result ("&lt; 0.07 g/L") settles a threshold test only when every value on its side agrees.</summary>
public sealed class CensoredValueTests
{
    [Theory]
    // v < 0.07 tested "below 0.07": every such v is below → met; "at least 0.07" → not met.
    [InlineData(0.07, Censor.Below, ComparisonOperator.Below, 0.07, TestStatus.Met)]
    [InlineData(0.07, Censor.Below, ComparisonOperator.AtLeast, 0.07, TestStatus.NotMet)]
    [InlineData(0.07, Censor.Below, ComparisonOperator.Above, 0.07, TestStatus.NotMet)]
    // v < 0.5 tested against 0.07: could be either side → unknown.
    [InlineData(0.5, Censor.Below, ComparisonOperator.Below, 0.07, TestStatus.Unknown)]
    [InlineData(0.5, Censor.Below, ComparisonOperator.Above, 0.07, TestStatus.Unknown)]
    // v <= 0.07 tested "below 0.07": v could be exactly 0.07 → unknown; "at most 0.07" → met.
    [InlineData(0.07, Censor.AtMost, ComparisonOperator.Below, 0.07, TestStatus.Unknown)]
    [InlineData(0.07, Censor.AtMost, ComparisonOperator.AtMost, 0.07, TestStatus.Met)]
    [InlineData(0.07, Censor.AtMost, ComparisonOperator.AtLeast, 0.07, TestStatus.Unknown)]
    [InlineData(0.07, Censor.AtMost, ComparisonOperator.Above, 0.07, TestStatus.NotMet)]
    // v > 300 tested "above 300" → met; "above 500" → unknown; "below 300" → not met.
    [InlineData(300, Censor.Above, ComparisonOperator.Above, 300, TestStatus.Met)]
    [InlineData(300, Censor.Above, ComparisonOperator.Above, 500, TestStatus.Unknown)]
    [InlineData(300, Censor.Above, ComparisonOperator.Below, 300, TestStatus.NotMet)]
    [InlineData(300, Censor.Above, ComparisonOperator.AtMost, 300, TestStatus.NotMet)]
    // v >= 300: "above 300" could be exactly 300 → unknown; "at least 300" → met; "below 300" → not met; "at most 300" → unknown.
    [InlineData(300, Censor.AtLeast, ComparisonOperator.Above, 300, TestStatus.Unknown)]
    [InlineData(300, Censor.AtLeast, ComparisonOperator.AtLeast, 300, TestStatus.Met)]
    [InlineData(300, Censor.AtLeast, ComparisonOperator.Below, 300, TestStatus.NotMet)]
    [InlineData(300, Censor.AtLeast, ComparisonOperator.AtMost, 300, TestStatus.Unknown)]
    public void CensoredValue_AgainstAThreshold(double reported, Censor censor, ComparisonOperator op, double threshold, TestStatus expected)
    {
        Assert.Equal(expected, TestEvaluator.CompareCensored((decimal)reported, censor, op, (decimal)threshold));
    }

    [Theory]
    [InlineData("<", Censor.Below)]
    [InlineData("<=", Censor.AtMost)]
    [InlineData("≤", Censor.AtMost)]
    [InlineData(">", Censor.Above)]
    [InlineData(">=", Censor.AtLeast)]
    [InlineData(null, Censor.Exact)]
    public void Comparators_Parse(string? text, Censor expected)
    {
        Assert.True(Censoring.TryParse(text, out var censor));
        Assert.Equal(expected, censor);
    }

    [Fact]
    public void UnknownComparator_IsRefused() => Assert.False(Censoring.TryParse("ad", out _));
}
