using JorgeCopilot.Core.Deals;
using MathNet.Numerics.Distributions;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Jorge's monthly commission as a simulation of two parts. Pipeline: each open deal closes in its expected month with
/// the probability learned for its stage. Baseline (deals not yet in his pipeline): his share of the metro's sales
/// (his closings ÷ the metro's over his history) times the metro's forecast sales, times the share of a month's
/// closings that start after today (from his own start-to-close times), drawn as Poisson counts with commissions
/// resampled from his closed deals. One market shock per path (drawn from the metro forecast's conformal band) moves
/// every month together, because a slow market stays slow.
/// </summary>
public static class RevenueSimulator
{
    private const double DaysPerMonth = 30.44;
    private static readonly double Z80 = Normal.InvCDF(0, 1, 0.9);

    public static RevenueSimulation Simulate(IReadOnlyList<DealRecord> deals, DateOnly asOf, ForecastSeries market, RevenueOptions options, int monthsAhead)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(options);
        var closed = deals.Where(d => d.Stage == DealStages.Closed && d.Resolved is { } r && r <= asOf).ToArray();
        if (closed.Length < 3)
        {
            throw new InvalidOperationException("At least three closed deals are needed to forecast revenue.");
        }

        var asOfMonth = new DateOnly(asOf.Year, asOf.Month, 1);
        var cutoff = MonthIndex(market.Start, asOfMonth) + 1;
        if (cutoff > market.Values.Length || cutoff < ForecastEngine.MinimumHistory + 12)
        {
            throw new InvalidOperationException($"The market series {market.Key} does not cover {asOfMonth:yyyy-MM}.");
        }

        var engine = new ForecastEngine(new ForecastOptions { Horizon = Math.Max(12, monthsAhead), UseGlobalModel = false, Parallelism = 1 });
        var forecast = engine.Forecast([market], cutoff)[0];

        var firstMonth = closed.Min(d => d.Resolved!.Value);
        var from = MonthIndex(market.Start, new DateOnly(firstMonth.Year, firstMonth.Month, 1));
        var marketSales = market.Values[Math.Max(0, from)..cutoff].Sum();
        var share = closed.Length / Math.Max(1, marketSales);
        var commissions = closed.Select(d => d.Commission).ToArray();
        var startToClose = closed.Select(d => (double)(d.Resolved!.Value.DayNumber - d.Created.DayNumber)).Order().ToArray();
        var stages = StageProbabilities.Learn(deals, asOf);

        var months = Enumerable.Range(1, monthsAhead).Select(m => asOfMonth.AddMonths(m)).ToArray();
        var ramp = new double[monthsAhead];
        var pipelineExpected = new double[monthsAhead];
        var baselineExpected = new double[monthsAhead];
        for (var m = 0; m < monthsAhead; m++)
        {
            var daysAhead = (months[m].AddDays(15).DayNumber - asOf.DayNumber);
            ramp[m] = startToClose.Count(d => d <= daysAhead) / (double)startToClose.Length;
            baselineExpected[m] = share * forecast.Median[m] * ramp[m] * commissions.Average();
        }

        var open = deals.Where(d => d.Stage is DealStages.Open or DealStages.UnderContract && d.Created <= asOf)
            .Select(d => (Deal: d, Month: Math.Clamp(MonthIndex(asOfMonth, ExpectedMonth(d, asOf)) - 1, 0, int.MaxValue), P: stages.CloseFrom(d.Stage)))
            .ToArray();
        foreach (var (deal, month, p) in open.Where(o => o.Month < monthsAhead))
        {
            pipelineExpected[month] += p * deal.Commission;
        }

        var rng = new Random(options.Seed);
        var paths = new double[options.Simulations][];
        for (var s = 0; s < paths.Length; s++)
        {
            var shock = Normal.Sample(rng, 0, 1);
            var path = new double[monthsAhead];
            for (var m = 0; m < monthsAhead; m++)
            {
                var sigma = (Math.Log(Math.Max(forecast.Upper80[m], 1)) - Math.Log(Math.Max(forecast.Lower80[m], 1))) / (2 * Z80);
                var marketMonth = forecast.Median[m] * Math.Exp(shock * sigma);
                var count = Poisson.Sample(rng, Math.Max(1e-9, share * marketMonth * ramp[m]));
                for (var k = 0; k < count; k++)
                {
                    path[m] += commissions[rng.Next(commissions.Length)];
                }
            }

            foreach (var (deal, month, p) in open)
            {
                if (month < monthsAhead && rng.NextDouble() < p)
                {
                    path[month] += deal.Commission;
                }
            }

            paths[s] = path;
        }

        return new RevenueSimulation(asOf, months, paths, pipelineExpected, baselineExpected, share, stages, forecast, open.Length);
    }

    /// <summary>The deals as they stood on <paramref name="asOf"/>: later closings and losses reopen, later deals vanish.</summary>
    public static IReadOnlyList<DealRecord> AsOf(IEnumerable<DealRecord> deals, DateOnly asOf, double effectiveRate)
    {
        ArgumentNullException.ThrowIfNull(deals);
        return deals.Where(d => d.Created <= asOf).Select(d =>
        {
            if (d.Resolved is { } r && r <= asOf)
            {
                return d;
            }

            var underContract = d.Contracted is { } c && c <= asOf;
            return d with
            {
                Stage = underContract ? DealStages.UnderContract : DealStages.Open,
                Contracted = underContract ? d.Contracted : null,
                Resolved = null,
                LostFromStage = null,
                ExpectedClose = underContract ? d.Contracted!.Value.AddDays(35) : d.Created.AddDays(75),
                Commission = d.Stage == DealStages.Lost ? d.Value * effectiveRate : d.Commission,
            };
        }).ToArray();
    }

    public static int MonthIndex(DateOnly start, DateOnly month) => (month.Year - start.Year) * 12 + month.Month - start.Month;

    private static DateOnly ExpectedMonth(DealRecord deal, DateOnly asOf)
    {
        var expected = deal.ExpectedClose is { } e && e > asOf ? e : asOf.AddDays(14);
        return new DateOnly(expected.Year, expected.Month, 1);
    }
}
