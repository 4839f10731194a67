using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Statistics;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Pipeline velocity, leakage and the market benchmark, computed from deal records (pure; the service loads them).</summary>
public static class BusinessAnalytics
{
    public static PipelineVelocity Velocity(IReadOnlyList<DealRecord> deals, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(deals);
        static double Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
        var toClose = deals.Select(d => d.Stage == DealStages.Closed
            ? (Days(d.Created, d.Resolved!.Value), true)
            : (Days(d.Created, d.Resolved ?? asOf), false)).ToList();
        var toContract = deals.Select(d => d.Contracted is { } c
            ? (Days(d.Created, c), true)
            : (Days(d.Created, d.Resolved ?? asOf), false)).ToList();
        var inContract = deals.Where(d => d.Contracted is not null).Select(d => d.Stage == DealStages.Closed
            ? (Days(d.Contracted!.Value, d.Resolved!.Value), true)
            : (Days(d.Contracted!.Value, d.Resolved ?? asOf), false)).ToList();
        var stages = new[]
        {
            new StageTime("open → under contract", KaplanMeier.Quantile(toContract, 0.5), toContract.Count, deals.Count(d => d.Stage == DealStages.Open)),
            new StageTime("under contract → closed", KaplanMeier.Quantile(inContract, 0.5), inContract.Count, deals.Count(d => d.Stage == DealStages.UnderContract)),
        };
        var bottleneck = stages.OrderByDescending(s => s.MedianDays ?? double.MaxValue).First().Stage;
        return new PipelineVelocity(KaplanMeier.Quantile(toClose, 0.5), KaplanMeier.Quantile(toClose, 0.8), stages, bottleneck,
            deals.Count(d => d.Stage is DealStages.Open or DealStages.UnderContract), deals.Count(d => d.Stage == DealStages.Closed),
            deals.Count(d => d.Stage == DealStages.Lost),
            "Kaplan-Meier: open deals count as still running and lost deals leave at the day they fell through, so slow open deals lengthen the estimate.",
            ForecastProvenance.Deals);
    }

    /// <summary>
    /// A lead's stage for leakage: converted or lost as the CRM says, else as its latest recorded outcome says, else its
    /// stage (still open).
    /// </summary>
    public static string LeadFate(string stage, bool? latestOutcome) =>
        stage is LeadStages.Converted or LeadStages.Lost ? stage
        : latestOutcome is { } converted ? (converted ? LeadStages.Converted : LeadStages.Lost)
        : stage;

    /// <summary>Where deals fall through (by stage) and where leads drop out (by lead stage and channel, when leads are given).</summary>
    public static RevenueLeakage Leakage(IReadOnlyList<DealRecord> deals, IReadOnlyList<(string Channel, string Stage)> leads, double effectiveRate)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(leads);
        var points = new List<LeakagePoint>();
        var resolved = deals.Where(d => d.Stage is DealStages.Closed or DealStages.Lost).ToArray();
        var lostOpen = resolved.Where(d => d.Stage == DealStages.Lost && d.LostFromStage != DealStages.UnderContract).ToArray();
        var lostContract = resolved.Where(d => d.Stage == DealStages.Lost && d.LostFromStage == DealStages.UnderContract).ToArray();
        points.Add(new LeakagePoint("deal: open → under contract", "all", resolved.Length, lostOpen.Length,
            Share(lostOpen.Length, resolved.Length), lostOpen.Sum(d => d.Value * effectiveRate)));
        var contracted = resolved.Length - lostOpen.Length;
        points.Add(new LeakagePoint("deal: under contract → closed", "all", contracted, lostContract.Length,
            Share(lostContract.Length, contracted), lostContract.Sum(d => d.Value * effectiveRate)));
        foreach (var channel in leads.GroupBy(l => string.IsNullOrWhiteSpace(l.Channel) ? "unknown" : l.Channel))
        {
            var total = channel.Count();
            var lost = channel.Count(l => l.Stage == LeadStages.Lost);
            points.Add(new LeakagePoint("lead: contacted → converted", channel.Key, total, lost, Share(lost, total), 0));
        }

        var largest = points.Where(p => p.Where.StartsWith("deal", StringComparison.Ordinal)).OrderByDescending(p => p.CommissionLost).First();
        return new RevenueLeakage(points, $"{largest.Where}: {largest.Lost} of {largest.Entered} deals lost, about ${largest.CommissionLost:N0} of commission",
            ForecastProvenance.Deals + (leads.Count > 0 ? " Leads: the bank-marketing campaign contacts (real outcomes)." : ""));
    }

    public static Benchmark Compare(IReadOnlyList<DealRecord> deals, DateOnly asOf, ForecastSeries market, IReadOnlyList<MonthlyPoint> marketDaysToClose,
        IReadOnlyList<MonthlyPoint> marketDaysToPending, double conversionRate)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(marketDaysToClose);
        ArgumentNullException.ThrowIfNull(marketDaysToPending);
        var closed = deals.Where(d => d.Stage == DealStages.Closed && d.Resolved <= asOf).ToArray();
        var byMonth = closed.GroupBy(d => new DateOnly(d.Resolved!.Value.Year, d.Resolved.Value.Month, 1))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Commission: g.Sum(d => d.Commission)));
        var first = byMonth.Keys.Min();
        var last = new DateOnly(asOf.Year, asOf.Month, 1);
        var months = Enumerable.Range(0, RevenueSimulator.MonthIndex(first, last) + 1).Select(first.AddMonths).ToArray();
        var commission = months.Select(m => byMonth.TryGetValue(m, out var v) ? v.Commission : 0).ToArray();
        var shares = months.Select(m =>
        {
            var index = RevenueSimulator.MonthIndex(market.Start, m);
            var sales = index >= 0 && index < market.Values.Length ? market.Values[index] : double.NaN;
            return byMonth.TryGetValue(m, out var v) ? v.Count / sales : 0;
        }).ToArray();
        var anomalies = new List<AnomalyMonth>();
        var zRevenue = RobustZScore.Compute(commission);
        var zShare = RobustZScore.Compute(shares.Where(double.IsFinite).ToArray());
        for (var i = 0; i < months.Length; i++)
        {
            if (Math.Abs(zRevenue[i]) >= RobustZScore.Threshold)
            {
                anomalies.Add(new AnomalyMonth($"{months[i]:yyyy-MM}", commission[i], zRevenue[i], "commission income"));
            }

            if (i < zShare.Length && Math.Abs(zShare[i]) >= RobustZScore.Threshold)
            {
                anomalies.Add(new AnomalyMonth($"{months[i]:yyyy-MM}", shares[i], zShare[i], "share of metro sales"));
            }
        }

        var contractDays = closed.Where(d => d.Contracted is not null).Select(d => (double)(d.Resolved!.Value.DayNumber - d.Contracted!.Value.DayNumber)).ToArray();
        var toContract = deals.Where(d => d.Contracted is not null).Select(d => (double)(d.Contracted!.Value.DayNumber - d.Created.DayNumber)).ToArray();
        var marketClose = marketDaysToClose.OrderBy(p => p.Month).LastOrDefault();
        var marketPending = marketDaysToPending.OrderBy(p => p.Month).LastOrDefault();
        var from = Math.Max(0, RevenueSimulator.MonthIndex(market.Start, first));
        var to = Math.Min(market.Values.Length, RevenueSimulator.MonthIndex(market.Start, last) + 1);
        var marketSales = to > from ? market.Values[from..to].Sum() : double.NaN;
        return new Benchmark(
            closed.Length / (double)months.Length,
            closed.Length / marketSales,
            contractDays.Length > 0 ? Median(contractDays) : null,
            marketDaysToClose.Count > 0 ? marketClose.Value : null,
            marketDaysToClose.Count > 0 ? $"{marketClose.Month:yyyy-MM}" : null,
            toContract.Length > 0 ? Median(toContract) : null,
            marketDaysToPending.Count > 0 ? marketPending.Value : null,
            conversionRate,
            anomalies,
            ForecastProvenance.Both(market.Key) + " Zillow days-to-close and days-to-pending start in 2018, so they are the latest market figures, not his years'.");
    }

    private static double Share(int part, int total) => total == 0 ? 0 : part / (double)total;

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
