using System.Globalization;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Revenue forecasts, goal odds, market forecasts and business intelligence over Jorge's deals (from the store; seeded
/// from King County sales on first use, or generated in memory when the store has no sales) and his metro's sales.
/// </summary>
public sealed class ForecastingService(
    IDbContextFactory<JorgeDbContext> stores,
    DataLocator data,
    MarketData market,
    DealHistorySeeder seeder,
    IOptions<RevenueOptions> revenueOptions)
{
    public const int MaxMonthsAhead = 24;
    private const string SalesCount = "sales_count";
    private RevenueOptions Options => revenueOptions.Value;

    public async Task<ForecastOutcome<RevenueForecast>> ForecastRevenueAsync(int monthsAhead, CancellationToken cancellationToken)
    {
        if (monthsAhead is < 1 or > MaxMonthsAhead)
        {
            return ForecastOutcome<RevenueForecast>.Fail(ForecastFailure.BadRequest, $"months_ahead must be 1–{MaxMonthsAhead}.");
        }

        var (deals, asOf, series, error) = await InputsAsync(cancellationToken);
        if (error is not null)
        {
            return ForecastOutcome<RevenueForecast>.Fail(ForecastFailure.NoData, error);
        }

        var sim = await Task.Run(() => RevenueSimulator.Simulate(deals, asOf, series!, Options, monthsAhead), cancellationToken);
        var (median, lo, hi, lo95, hi95) = (sim.MonthQuantile(0.5), sim.MonthQuantile(0.1), sim.MonthQuantile(0.9), sim.MonthQuantile(0.025), sim.MonthQuantile(0.975));
        var labels = sim.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        var months = labels.Select((l, m) => new MonthAmount(l, Round(median[m]), Round(lo[m]), Round(hi[m]), Round(sim.PipelineExpected[m]), Round(sim.BaselineExpected[m]))).ToList();
        var totals = sim.Totals(monthsAhead);
        return new(new RevenueForecast($"{asOf:yyyy-MM-dd}", months,
            Round(RevenueSimulation.Quantile(totals, 0.5)), Round(RevenueSimulation.Quantile(totals, 0.1)), Round(RevenueSimulation.Quantile(totals, 0.9)),
            Round(RevenueSimulation.Quantile(totals, 0.025)), Round(RevenueSimulation.Quantile(totals, 0.975)),
            sim.OpenDeals, Math.Round(sim.Stages.CloseFrom(Core.Deals.DealStages.Open), 3), Math.Round(sim.Stages.ContractToClose, 3),
            sim.MarketShare, series!.Key, ForecastProvenance.Both(series.Key),
            new ForecastChart(labels, median.Select(Round).ToArray(), lo.Select(Round).ToArray(), hi.Select(Round).ToArray(), lo95.Select(Round).ToArray(), hi95.Select(Round).ToArray(), "USD commission")));
    }

    /// <param name="by">The goal date; none means the end of the quarter the data is in (the next one when it ends within a month).</param>
    public async Task<ForecastOutcome<GoalOdds>> GoalProbabilityAsync(double amount, DateOnly? by, CancellationToken cancellationToken)
    {
        if (amount <= 0)
        {
            return ForecastOutcome<GoalOdds>.Fail(ForecastFailure.BadRequest, "The goal amount must be positive.");
        }

        var (deals, asOf, series, error) = await InputsAsync(cancellationToken);
        if (error is not null)
        {
            return ForecastOutcome<GoalOdds>.Fail(ForecastFailure.NoData, error);
        }

        var goalDate = by ?? QuarterEnd(asOf);
        var months = RevenueSimulator.MonthIndex(new DateOnly(asOf.Year, asOf.Month, 1), new DateOnly(goalDate.Year, goalDate.Month, 1));
        if (months < 1 || months > MaxMonthsAhead)
        {
            return ForecastOutcome<GoalOdds>.Fail(ForecastFailure.BadRequest,
                $"The goal date must be 1–{MaxMonthsAhead} months after the data's last day ({asOf:yyyy-MM-dd}).");
        }

        var sim = await Task.Run(() => RevenueSimulator.Simulate(deals, asOf, series!, Options, months), cancellationToken);
        var totals = sim.Totals(months);
        var cumulative = new double[months][];
        for (var m = 0; m < months; m++)
        {
            cumulative[m] = sim.Paths.Select(p => p.Take(m + 1).Sum()).ToArray();
        }

        var labels = sim.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        var chart = new ForecastChart(labels,
            cumulative.Select(c => Round(RevenueSimulation.Quantile(c, 0.5))).ToArray(),
            cumulative.Select(c => Round(RevenueSimulation.Quantile(c, 0.1))).ToArray(),
            cumulative.Select(c => Round(RevenueSimulation.Quantile(c, 0.9))).ToArray(),
            cumulative.Select(c => Round(RevenueSimulation.Quantile(c, 0.025))).ToArray(),
            cumulative.Select(c => Round(RevenueSimulation.Quantile(c, 0.975))).ToArray(), "USD cumulative commission");
        return new(new GoalOdds(Math.Round(totals.Count(t => t >= amount) / (double)totals.Length, 3), amount, $"{goalDate:yyyy-MM-dd}",
            Round(totals.Average()), Round(RevenueSimulation.Quantile(totals, 0.1)), Round(RevenueSimulation.Quantile(totals, 0.9)),
            Round(sim.PipelineExpected.Sum()), months, ForecastProvenance.Both(series!.Key), chart));
    }

    public async Task<ForecastOutcome<MarketForecast>> ForecastMarketAsync(string? region, int monthsAhead, CancellationToken cancellationToken)
    {
        if (monthsAhead is < 1 or > MaxMonthsAhead)
        {
            return ForecastOutcome<MarketForecast>.Fail(ForecastFailure.BadRequest, $"months_ahead must be 1–{MaxMonthsAhead}.");
        }

        var series = await MarketSeriesAsync(region, cancellationToken);
        if (series is null)
        {
            return ForecastOutcome<MarketForecast>.Fail(ForecastFailure.NotFound, $"No Zillow sales-count series matches '{region}'.");
        }

        var engine = new ForecastEngine(new ForecastOptions { Horizon = monthsAhead, UseGlobalModel = false, Parallelism = 1 });
        var f = await Task.Run(() => engine.Forecast([series], series.Values.Length)[0], cancellationToken);
        var labels = f.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        return new(new MarketForecast(series.Key, SalesCount, $"{series.MonthAt(series.Values.Length - 1):yyyy-MM}",
            labels.Select((l, m) => new MonthRange(l, Round(f.Median[m]), Round(f.Lower80[m]), Round(f.Upper80[m]))).ToList(),
            f.Weights.ToDictionary(w => w.Key, w => Math.Round(w.Value, 3)), ForecastProvenance.Market(series.Key),
            new ForecastChart(labels, f.Median.Select(Round).ToArray(), f.Lower80.Select(Round).ToArray(), f.Upper80.Select(Round).ToArray(),
                f.Lower95.Select(Round).ToArray(), f.Upper95.Select(Round).ToArray(), "sales per month")));
    }

    public async Task<ForecastOutcome<PipelineVelocity>> VelocityAsync(CancellationToken cancellationToken)
    {
        var (deals, asOf, error) = await DealsAsync(cancellationToken);
        return error is null ? new(BusinessAnalytics.Velocity(deals, asOf)) : ForecastOutcome<PipelineVelocity>.Fail(ForecastFailure.NoData, error);
    }

    public async Task<ForecastOutcome<RevenueLeakage>> LeakageAsync(CancellationToken cancellationToken)
    {
        var (deals, _, error) = await DealsAsync(cancellationToken);
        if (error is not null)
        {
            return ForecastOutcome<RevenueLeakage>.Fail(ForecastFailure.NoData, error);
        }

        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        // A recorded outcome settles a lead even when its CRM stage was never moved (the bundled campaign's leads all
        // stay "new" with real outcomes); the latest outcome counts.
        var leads = (await db.Leads.AsNoTracking().Select(l => new
            {
                l.Channel,
                l.Stage,
                Latest = db.LeadOutcomes.Where(o => o.LeadId == l.Id).OrderByDescending(o => o.OccurredAt).ThenByDescending(o => o.Id)
                    .Select(o => (bool?)o.Converted).FirstOrDefault(),
            }).ToListAsync(cancellationToken))
            .Select(l => (l.Channel ?? "unknown", BusinessAnalytics.LeadFate(l.Stage, l.Latest))).ToList();
        return new(BusinessAnalytics.Leakage(deals, leads, Options.EffectiveRate));
    }

    public async Task<ForecastOutcome<Benchmark>> BenchmarkAsync(CancellationToken cancellationToken)
    {
        var (deals, asOf, series, error) = await InputsAsync(cancellationToken);
        if (error is not null)
        {
            return ForecastOutcome<Benchmark>.Fail(ForecastFailure.NoData, error);
        }

        var region = series!.Key;
        var daysToClose = await market.ZillowAsync(region, "days_to_close", cancellationToken);
        var daysToPending = await market.ZillowAsync(region, "days_to_pending", cancellationToken);
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var outcomes = await db.LeadOutcomes.AsNoTracking().CountAsync(cancellationToken);
        var converted = outcomes == 0 ? 0 : await db.LeadOutcomes.AsNoTracking().CountAsync(o => o.Converted, cancellationToken);
        return new(BusinessAnalytics.Compare(deals, asOf, series, daysToClose, daysToPending, outcomes == 0 ? 0 : converted / (double)outcomes));
    }

    public async Task<ForecastOutcome<RevenueBacktestResult>> BacktestAsync(CancellationToken cancellationToken)
    {
        var (deals, _, series, error) = await InputsAsync(cancellationToken);
        return error is null
            ? new(await Task.Run(() => RevenueBacktest.Run(deals, series!, Options), cancellationToken))
            : ForecastOutcome<RevenueBacktestResult>.Fail(ForecastFailure.NoData, error);
    }

    private async Task<(IReadOnlyList<DealRecord> Deals, DateOnly AsOf, ForecastSeries? Market, string? Error)> InputsAsync(CancellationToken cancellationToken)
    {
        var (deals, asOf, error) = await DealsAsync(cancellationToken);
        if (error is not null)
        {
            return (deals, asOf, null, error);
        }

        var series = await MarketSeriesAsync(Options.Market, cancellationToken);
        return series is null ? (deals, asOf, null, $"No sales-count series for {Options.Market}.") : (deals, asOf, series, null);
    }

    /// <summary>Deals from the store (seeded on first use), else generated from the King County file; "as of" is the latest deal date.</summary>
    private async Task<(IReadOnlyList<DealRecord> Deals, DateOnly AsOf, string? Error)> DealsAsync(CancellationToken cancellationToken)
    {
        await seeder.EnsureAsync(Options, cancellationToken);
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var stored = await db.Deals.AsNoTracking().ToListAsync(cancellationToken);
        IReadOnlyList<DealRecord> deals = stored.Select(DealHistorySeeder.ToRecord).ToList();
        if (deals.Count == 0 && PricingTrainer.KingCountyFile(data) is { } file)
        {
            deals = DealHistoryGenerator.Generate(KingCountySales.Read(file), Options);
        }

        if (deals.Count(d => d.Stage == Core.Deals.DealStages.Closed) < 3)
        {
            return (deals, default, "Not enough closed deals to learn from (need at least 3): import deals or run jorge seed.");
        }

        var asOf = deals.Max(d => new[] { d.Created, d.Contracted ?? DateOnly.MinValue, d.Resolved ?? DateOnly.MinValue }.Max());
        return (deals, asOf, null);
    }

    private async Task<ForecastSeries?> MarketSeriesAsync(string? region, CancellationToken cancellationToken)
    {
        var resolved = await market.ResolveRegionAsync(region, cancellationToken);
        if (resolved is not null)
        {
            var points = await market.ZillowAsync(resolved, SalesCount, cancellationToken);
            if (points.Count >= ForecastEngine.MinimumHistory + 12
                && RevenueSimulator.MonthIndex(points[0].Month, points[^1].Month) == points.Count - 1)
            {
                return new ForecastSeries(resolved, new DateOnly(points[0].Month.Year, points[0].Month.Month, 1), points.Select(p => p.Value).ToArray());
            }
        }

        // No (gap-free) series in the store: read the bundled file so forecasts work on an empty workspace too.
        var wanted = string.IsNullOrWhiteSpace(region) ? MarketData.DefaultRegion : region.Trim();
        var all = MarketSeriesFiles.ZillowSalesCounts(data);
        return all.FirstOrDefault(s => string.Equals(s.Key, wanted, StringComparison.OrdinalIgnoreCase))
            ?? all.Where(s => s.Key.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.Key.Length).FirstOrDefault();
    }

    /// <summary>The last day of <paramref name="asOf"/>'s quarter, or of the next quarter when less than a month of this one is left.</summary>
    internal static DateOnly QuarterEnd(DateOnly asOf)
    {
        var end = new DateOnly(asOf.Year, (asOf.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1);
        return end.Month == asOf.Month ? end.AddMonths(3) : end;
    }

    private static double Round(double value) => Math.Round(value, 0);
}
