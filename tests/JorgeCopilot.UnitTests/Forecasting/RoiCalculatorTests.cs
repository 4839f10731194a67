using JorgeCopilot.Core.Business;
using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class RoiCalculatorTests
{
    private static readonly DateOnly January = new(2025, 1, 1);

    [Fact]
    public void Revenue_per_dollar_uses_only_the_months_the_cost_table_covers()
    {
        var leads = Enumerable.Range(0, 10).Select(i => new RoiLead("zillow", i < 2)).ToList();
        RoiDeal[] closed = [new("zillow", January.AddDays(10), 9_000), new("zillow", January.AddMonths(6), 30_000)];
        BusinessCost[] costs = [Cost(CostCategories.Source, "zillow", January, amount: 3_000)];

        var row = RoiCalculator.BySource(leads, closed, costs).Single();

        row.Revenue.ShouldBe(39_000);
        row.RevenuePerLead.ShouldBe(3_900);
        row.WindowRevenue.ShouldBe(9_000);
        row.RevenuePerDollar.ShouldBe(3);
        row.CostWindow.ShouldBe("2025-01 to 2025-01");
    }

    [Fact]
    public void A_source_without_cost_lines_has_no_per_dollar_figure_instead_of_an_invented_one()
    {
        var row = RoiCalculator.BySource([new RoiLead("referral", true)], [new RoiDeal("referral", January, 5_000)], []).Single();

        row.Cost.ShouldBeNull();
        row.RevenuePerDollar.ShouldBeNull();
        row.RevenuePerHour.ShouldBeNull();
    }

    [Fact]
    public void A_source_s_monthly_revenue_is_shared_among_its_activities_by_hours()
    {
        BusinessCost[] costs =
        [
            Cost(CostCategories.Activity, "showings", January, hours: 30, source: "zillow"),
            Cost(CostCategories.Activity, "calls", January, hours: 10, source: "zillow"),
            Cost(CostCategories.Activity, "admin", January, hours: 20),
        ];

        var rows = RoiCalculator.ByActivity(costs, [new RoiDeal("zillow", January.AddDays(5), 8_000)]);

        rows.Single(r => r.Activity == "showings").Revenue.ShouldBe(6_000);
        rows.Single(r => r.Activity == "calls").RevenuePerHour.ShouldBe(200);
        rows.Single(r => r.Activity == "admin").Revenue.ShouldBeNull();
        rows.Single(r => r.Activity == "showings").HoursSharePercent.ShouldBe(50);
        rows.Single(r => r.Activity == "showings").RevenueSharePercent.ShouldBe(75);
    }

    [Fact]
    public void Time_allocation_names_the_activity_whose_share_of_hours_most_exceeds_its_share_of_revenue()
    {
        BusinessCost[] costs =
        [
            Cost(CostCategories.Activity, "showings", January, hours: 10, source: "zillow"),
            Cost(CostCategories.Activity, "open houses", January, hours: 30, source: "walk-ins"),
        ];
        RoiDeal[] closed = [new("zillow", January, 8_000), new("walk-ins", January, 2_000)];
        var result = new ActivityRoiResult("activity log", 40, "", RoiCalculator.ByActivity(costs, closed));

        var allocation = RoiService.Allocation(result);

        allocation.MostOverInvested!.ShouldStartWith("open houses: 75% of the hours, 20% of the attributed revenue");
        allocation.Activities[0].Activity.ShouldBe("open houses");
    }

    private static BusinessCost Cost(string category, string name, DateOnly month, decimal? amount = null, double? hours = null, string? source = null) =>
        new() { Category = category, Name = name, Month = month, Amount = amount, Hours = hours, LeadSource = source };
}
