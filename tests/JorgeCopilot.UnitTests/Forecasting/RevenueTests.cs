using JorgeCopilot.Core.Deals;
using JorgeCopilot.Intelligence.Forecasting;
using JorgeCopilot.Intelligence.Statistics;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class RevenueTests
{
    private static readonly DateOnly AsOf = new(2015, 5, 27);

    private static IReadOnlyList<SaleFact> Sales()
    {
        var random = new Random(3);
        return Enumerable.Range(0, 20_000)
            .Select(i => new SaleFact($"P{i}", new DateOnly(2014, 5, 2).AddDays(random.Next(0, 390)), 300_000 + random.Next(0, 700_000)))
            .ToArray();
    }

    [Fact]
    public void Generated_history_is_deterministic_and_marked_generated()
    {
        var a = DealHistoryGenerator.Generate(Sales(), new RevenueOptions());
        var b = DealHistoryGenerator.Generate(Sales(), new RevenueOptions());

        b.ShouldBe(a);
        a.ShouldAllBe(d => d.IsGenerated);
    }

    [Fact]
    public void Generated_history_has_a_few_closings_a_month_with_the_configured_commission()
    {
        var options = new RevenueOptions { CommissionRate = 0.06, AgentShare = 0.5 };

        var deals = DealHistoryGenerator.Generate(Sales(), options);
        var closed = deals.Where(d => d.Stage == DealStages.Closed).ToArray();

        (closed.Length / 13.0).ShouldBeInRange(2, 5);
        closed.ShouldAllBe(d => Math.Abs(d.Commission - d.Value * 0.03) < 1e-6);
    }

    [Fact]
    public void Stage_probabilities_follow_the_resolved_deals()
    {
        var deals = new List<DealRecord>();
        for (var i = 0; i < 8; i++)
        {
            deals.Add(new DealRecord($"c{i}", DealStages.Closed, AsOf.AddDays(-200), AsOf.AddDays(-150), AsOf.AddDays(-100), null, 1, 1, null, true));
        }

        deals.Add(new DealRecord("l1", DealStages.Lost, AsOf.AddDays(-200), AsOf.AddDays(-150), AsOf.AddDays(-120), null, 1, 0, DealStages.UnderContract, true));
        deals.Add(new DealRecord("l2", DealStages.Lost, AsOf.AddDays(-200), null, AsOf.AddDays(-120), null, 1, 0, DealStages.Open, true));

        var p = StageProbabilities.Learn(deals, AsOf);

        p.ContractToClose.ShouldBe(9.0 / 11.0, 1e-9);
        p.OpenToContract.ShouldBe(10.0 / 12.0, 1e-9);
        p.CloseFrom(DealStages.UnderContract).ShouldBeGreaterThan(p.CloseFrom(DealStages.Open));
    }

    [Fact]
    public void Rolling_deals_back_reopens_later_closings()
    {
        var deal = new DealRecord("c", DealStages.Closed, new DateOnly(2015, 1, 1), new DateOnly(2015, 2, 1), new DateOnly(2015, 3, 10), new DateOnly(2015, 3, 10), 500_000, 21_000, null, true);

        var rolled = RevenueSimulator.AsOf([deal], new DateOnly(2015, 2, 15), 0.042).Single();

        rolled.Stage.ShouldBe(DealStages.UnderContract);
        rolled.Resolved.ShouldBeNull();
    }

    [Fact]
    public void Open_deals_still_running_lengthen_the_kaplan_meier_time_to_close()
    {
        var closedOnly = Enumerable.Range(0, 10).Select(i => (30.0 + i, true)).ToList();
        var withOpen = closedOnly.Concat(Enumerable.Range(0, 10).Select(_ => (200.0, false))).ToList();

        KaplanMeier.Quantile(withOpen, 0.8).ShouldBeNull();
        KaplanMeier.Quantile(closedOnly, 0.8)!.Value.ShouldBeLessThan(40);
    }
}
