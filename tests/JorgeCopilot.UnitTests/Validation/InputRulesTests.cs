using JorgeCopilot.Core.Validation;
using Shouldly;

namespace JorgeCopilot.UnitTests.Validation;

public sealed class InputRulesTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e30)]
    [InlineData(0)]
    public void A_square_footage_that_is_not_a_plausible_finite_number_is_refused_by_name(double sqft) =>
        InputRules.Sqft.Check(sqft)!.ShouldStartWith("sqft ");

    [Theory]
    [InlineData(null)]
    [InlineData(1.0)]
    [InlineData(1800.0)]
    [InlineData(100_000.0)]
    public void A_plausible_or_absent_square_footage_passes(double? sqft) => InputRules.Sqft.Check(sqft).ShouldBeNull();

    [Theory]
    [InlineData("abc")]
    [InlineData("9810")]
    [InlineData("981034")]
    [InlineData("98 03")]
    public void A_zip_that_is_not_five_digits_is_refused(string zip) => InputRules.Zip(zip).ShouldNotBeNull();

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_limit_outside_its_bounds_is_refused(int limit) => InputRules.Limit(limit, 100).ShouldNotBeNull();

    [Fact]
    public void Errors_for_several_parameters_are_kept_by_name()
    {
        var errors = new InputErrors().Check("sqft", InputRules.Sqft.Check(double.NaN)).Check("zip", InputRules.Zip("98103")).Check("bedrooms", InputRules.Bedrooms.Check(99));

        errors.Keys.Order().ShouldBe(["bedrooms", "sqft"]);
    }
}
