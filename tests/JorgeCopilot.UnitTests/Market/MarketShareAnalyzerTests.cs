using JorgeCopilot.Intelligence.Market;

namespace JorgeCopilot.UnitTests.Market;

public sealed class MarketShareAnalyzerTests
{
    [Fact]
    public void Shares_per_quarter_sum_to_one_and_positioning_compares_with_the_market()
    {
        List<ListingSide> sales =
        [
            new(new DateOnly(2024, 1, 10), "Acme", "Ana", 500_000, 480_000, 10),
            new(new DateOnly(2024, 2, 10), "Acme", "Ana", 600_000, 590_000, 12),
            new(new DateOnly(2024, 3, 10), "Blue", "Bo", 400_000, 420_000, 40),
            new(new DateOnly(2024, 4, 10), "Blue", "Bo", 410_000, 430_000, 50),
            new(new DateOnly(2024, 5, 10), "Acme", "Cy", 700_000, 700_000, 20),
            new(new DateOnly(2024, 5, 11), null, null, 300_000, 300_000, 5),
        ];

        var report = MarketShareAnalyzer.Analyze(sales);

        report.Transactions.ShouldBe(5);
        report.Periods.Select(p => p.Period).ShouldBe(["2024-Q1", "2024-Q2"]);
        report.Periods.ShouldAllBe(p => Math.Abs(p.Shares.Sum(s => s.Share) - 1) < 1e-9);
        report.Periods[0].Shares[0].Name.ShouldBe("Acme");
        report.Periods[0].Shares[0].Share.ShouldBe(2 / 3.0, 1e-9);
        var acme = report.Positioning.Single(p => p.Name == "Acme");
        var blue = report.Positioning.Single(p => p.Name == "Blue");
        acme.SaleToListVsMarket!.Value.ShouldBeGreaterThan(0);
        blue.SaleToListVsMarket!.Value.ShouldBeLessThan(0);
        blue.DaysVsMarket!.Value.ShouldBeGreaterThan(0);
        acme.ShareAboveList!.Value.ShouldBe(2 / 3.0, 1e-9);
    }

    [Fact]
    public void By_agent_and_no_data()
    {
        MarketShareAnalyzer.Analyze([new(new DateOnly(2024, 1, 1), "Acme", "Ana", 1, 1, 1)], "agent").Positioning.Single().Name.ShouldBe("Ana");
        MarketShareAnalyzer.Analyze([new(new DateOnly(2024, 1, 1), null, null, 1, 1, 1)]).Transactions.ShouldBe(0);
    }

    [Fact]
    public void Listing_dom_model_recovers_how_overpricing_slows_a_sale()
    {
        var random = new Random(2);
        var listings = Enumerable.Range(0, 300).Select(_ =>
        {
            var ratio = 0.9 + random.NextDouble() * 0.25;
            var days = (int)Math.Round(Math.Exp(3 + 4 * Math.Log(ratio) + (random.NextDouble() - 0.5) * 0.2) - 1);
            return new ListingObservation(ratio, days, Sold: ratio < 1.1 || random.NextDouble() < 0.5);
        }).ToList();

        var model = ListingDomModel.Fit(listings)!;

        model.Elasticity.ShouldBeInRange(3.3, 4.7);
        model.PredictDays(1.05).ShouldBeGreaterThan(model.PredictDays(0.98));
        model.Curve.Count.ShouldBeGreaterThan(2);
        ListingDomModel.Fit(listings.Take(5).ToList()).ShouldBeNull();
    }
}
