using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class ValidationWindowTests
{
    [Fact]
    public void Both_validation_windows_end_before_the_test_window_and_the_long_one_contains_the_short_one()
    {
        // The Zillow metros: 189 months from 2008-02, test origins 2019-10 … 2022-10 as last known month.
        var options = new ForecastOptions();
        var test = ForecastingEvalSuite.Origins(189, options.Horizon);

        var validation = ForecastingEvalSuite.ValidationOrigins(test, options.Horizon);
        var longValidation = ForecastingEvalSuite.LongValidationOrigins(test, options);

        longValidation.Length.ShouldBe(ForecastingEvalSuite.LongValidationCount);
        longValidation.ShouldBeSubsetOf(Enumerable.Range(0, 189));
        validation.ShouldBeSubsetOf(longValidation);
        longValidation.Max().ShouldBe(validation.Max());
        (longValidation.Max() + options.Horizon).ShouldBeLessThanOrEqualTo(test.Min());
        longValidation.Zip(longValidation.Skip(1), (a, b) => b - a).ShouldAllBe(d => d == ForecastingEvalSuite.Step);
        // Every long-validation origin has all its inner origins after the engine's minimum history.
        (longValidation.Min() - options.Horizon - (options.InnerOrigins - 1) * options.InnerStep).ShouldBeGreaterThanOrEqualTo(ForecastEngine.MinimumHistory);
    }
}
