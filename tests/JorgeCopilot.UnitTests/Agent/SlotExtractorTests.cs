using JorgeCopilot.Agent.Planning;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class SlotExtractorTests
{
    private static readonly SlotExtractor Extractor = new(new FixedClock(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("how long at $60k", 60_000)]
    [InlineData("list at 250k", 250_000)]
    [InlineData("ask $1.2m", 1_200_000)]
    [InlineData("priced at $650,000 ok", 650_000)]
    [InlineData("2.5 mil budget", 2_500_000)]
    public void Parses_money(string text, double expected) =>
        ((double?)Extractor.Extract(text).Money).ShouldBe(expected);

    [Fact]
    public void Parses_home_features_in_shorthand()
    {
        var s = Extractor.Extract("3bd/2.5ba 1,850 sqft blt 1978 in 98103");
        s.Bedrooms.ShouldBe(3);
        s.Bathrooms.ShouldBe(2.5);
        s.Sqft.ShouldBe(1850);
        s.YearBuilt.ShouldBe(1978);
        s.Zip.ShouldBe("98103");
        s.Normalized.ShouldContain("xzip");
    }

    [Fact]
    public void Tells_parcel_ids_zip_codes_addresses_and_lead_ids_apart()
    {
        Extractor.Extract("value of parcel 7129300520").ParcelId.ShouldBe("7129300520");
        Extractor.Extract("4512 fremont ave n worth?").Address.ShouldBe("4512 Fremont Ave N");
        Extractor.Extract("score lead #4821").LeadId.ShouldBe(4821);
        Extractor.Extract("score lead 4821").Zip.ShouldBeNull();
    }

    [Theory]
    [InlineData("the second one", 1)]
    [InlineData("score the 3rd", 2)]
    [InlineData("the last one", -1)]
    public void Parses_ordinals(string text, int expected) => Extractor.Extract(text).Ordinal.ShouldBe(expected);

    [Theory]
    [InlineData("forecast for next quarter", 3)]
    [InlineData("in 6 months", 6)]
    [InlineData("over the next 2 years", 24)]
    [InlineData("by June", 7)]
    public void Parses_horizons(string text, int months) => Extractor.Extract(text).HorizonMonths.ShouldBe(months);

    [Fact]
    public void Limits_do_not_swallow_features()
    {
        Extractor.Extract("top 7 leads").Limit.ShouldBe(7);
        Extractor.Extract("find 3 underpriced houses in 98144").Limit.ShouldBe(3);
        Extractor.Extract("show 3 bed homes").Limit.ShouldBeNull();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("will I hit $250,000 by December 2015?", "2015-12-31")]
    [InlineData("odds I make 100k by 2015-09", "2015-09-30")]
    [InlineData("can I clear 80k by 2015-10-15", "2015-10-15")]
    public void A_goal_date_with_its_year_is_read_as_written(string text, string expected) =>
        Extractor.Extract(text).TargetDate.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
}
