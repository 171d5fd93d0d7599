using System.Text.Json;
using Xunit;

namespace IgAdvisor.Cli.Tests;

/// <summary><c>igadvisor dose</c>: the JSON contract, units, formats, and every bad input refused with exit 2 and its option named.</summary>
public sealed class DoseCommandTests
{
    [Fact]
    public void Json_GivesTheContractFields()
    {
        var result = CliRunner.Run("dose", "--weight", "82kg", "--height", "165cm", "--sex", "female", "--regimen", "aps.catastrophic.five-day-course", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        // IBW 45.5 + 2.3 × (165 / 2.54 − 60) = 56.9; BMI 82 / 1.65² = 30.1 > 30, so adjusted: 56.9 + 0.4 × (82 − 56.9) = 66.9.
        Assert.Equal("adjusted", root.GetProperty("policy").GetString());
        Assert.Equal(66.9m, root.GetProperty("dosingWeightKg").GetDecimal());
        Assert.Equal(56.9m, root.GetProperty("idealBodyWeightKg").GetDecimal());
        Assert.Equal(30.1m, root.GetProperty("bmi").GetDecimal());
        // 2 g/kg over 5 days: 0.4 × 66.9 = 26.76 g a day, 133.8 g exact; 25 g (6.6% under) is the nearest 5 g step within 10%.
        Assert.Equal(133.8m, root.GetProperty("totalGrams").GetDecimal());
        Assert.Equal(125m, root.GetProperty("roundedTotalGrams").GetDecimal());
        Assert.Equal([25m, 25m, 25m, 25m, 25m], root.GetProperty("perDayGrams").EnumerateArray().Select(e => e.GetDecimal()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public void PoundsAndInches_AreConverted()
    {
        var result = CliRunner.Run("dose", "--weight", "154lb", "--height", "70in", "--sex", "male", "--g-per-kg", "2", "--days", "2", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        // 154 lb = 69.85 kg; 70 in = 177.8 cm; IBW 50 + 2.3 × 10 = 73 kg > actual, so auto keeps the actual weight.
        Assert.Equal("actual", root.GetProperty("policy").GetString());
        Assert.Equal(69.9m, root.GetProperty("dosingWeightKg").GetDecimal());
        Assert.Equal(73m, root.GetProperty("idealBodyWeightKg").GetDecimal());
        Assert.Equal(139.8m, root.GetProperty("totalGrams").GetDecimal());
    }

    [Fact]
    public void Product_RoundsToItsVialsAndPlansTheInfusion()
    {
        var result = CliRunner.Run("dose", "--weight", "60kg", "--g-per-kg", "1", "--days", "1", "--product", "octagam-10", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        var infusion = root.GetProperty("infusion");
        // 60 g of a 10% product is 600 mL; 30-minute steps of 1, 2, 4 and 8 mg/kg/min infuse 18 + 36 + 72 + 144 = 270 mL,
        // then 330 mL at 12 mg/kg/min (7.2 mL/kg/h × 60 kg = 432 mL/h) takes 45.8 minutes: 166 minutes in all.
        Assert.Equal(600m, infusion.GetProperty("volumeMl").GetDecimal());
        Assert.Equal(166m, infusion.GetProperty("durationMinutes").GetDecimal());
        Assert.Equal(5, infusion.GetProperty("steps").GetArrayLength());
        Assert.Equal(60m, root.GetProperty("roundedTotalGrams").GetDecimal());
    }

    [Theory]
    [InlineData("text", "Give ")]
    [InlineData("markdown", "# Immunoglobulin dose")]
    [InlineData("html", "<!DOCTYPE html>")]
    public void Formats_RenderTheSameDose(string format, string start)
    {
        var result = CliRunner.Run("dose", "--weight", "70kg", "--g-per-kg", "2", "--days", "5", "--format", format);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(start, result.Out, StringComparison.Ordinal);
        Assert.Contains("140", result.Out, StringComparison.Ordinal); // 2 g/kg × 70 kg
    }

    [Theory]
    [InlineData("--weight", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--weight", "--weight", "70", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--weight", "--weight", "0kg", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--weight", "--weight", "-5kg", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--weight", "--weight", "351kg", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--weight", "--weight", "70st", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--weight", "--weight", "170cm", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--height", "--weight", "70kg", "--height", "165", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--height", "--weight", "70kg", "--height", "39cm", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--height", "--weight", "70kg", "--height", "251cm", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--height", "--weight", "70kg", "--sex", "female", "--policy", "adjusted", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--sex", "--weight", "70kg", "--height", "165cm", "--policy", "ideal", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--sex", "--weight", "70kg", "--sex", "x", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--policy", "--weight", "70kg", "--policy", "lean", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--regimen", "--weight", "70kg", "--regimen", "no.such.regimen")]
    [InlineData("--regimen", "--weight", "70kg", "--regimen", "aps.catastrophic.five-day-course", "--g-per-kg", "2", "--days", "5")]
    [InlineData("--g-per-kg", "--weight", "70kg")]
    [InlineData("--days", "--weight", "70kg", "--g-per-kg", "2")]
    [InlineData("--g-per-kg", "--weight", "70kg", "--g-per-kg", "20", "--days", "5")]
    [InlineData("--days", "--weight", "70kg", "--g-per-kg", "2", "--days", "0")]
    [InlineData("--product", "--weight", "70kg", "--g-per-kg", "2", "--days", "5", "--product", "no-such-product")]
    [InlineData("--tolerance", "--weight", "70kg", "--g-per-kg", "2", "--days", "5", "--tolerance", "80")]
    [InlineData("--round-to", "--weight", "70kg", "--g-per-kg", "2", "--days", "5", "--round-to", "0")]
    public void BadInput_ExitsTwoNamingTheOption_AndComputesNothing(string option, params string[] args)
    {
        var result = CliRunner.Run(["dose", .. args]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Out}{result.Error}");
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
