using JorgeCopilot.Core.Deals;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// The revenue forecast checked against its own history: at the end of each month after the first six, the deals
/// are rolled back to that day, the next month's median commission is forecast and compared with what closed. MAPE with
/// a bootstrap 95% interval over those months (seed 1), since a dozen months make a wide interval.
/// </summary>
public static class RevenueBacktest
{
    public const int WarmUpMonths = 6;

    public static RevenueBacktestResult Run(IReadOnlyList<DealRecord> deals, ForecastSeries market, RevenueOptions options)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(options);
        var closed = deals.Where(d => d.Stage == DealStages.Closed).ToArray();
        var first = closed.Min(d => d.Resolved!.Value);
        var last = closed.Max(d => d.Resolved!.Value);
        var errors = new List<double>();
        var rows = new List<(DateOnly Month, double Forecast, double Actual)>();
        for (var month = new DateOnly(first.Year, first.Month, 1).AddMonths(WarmUpMonths); month.AddMonths(1) <= new DateOnly(last.Year, last.Month, 1); month = month.AddMonths(1))
        {
            var asOf = month.AddMonths(1).AddDays(-1);
            var next = month.AddMonths(1);
            var actual = closed.Where(d => d.Resolved!.Value.Year == next.Year && d.Resolved.Value.Month == next.Month).Sum(d => d.Commission);
            var simulation = RevenueSimulator.Simulate(RevenueSimulator.AsOf(deals, asOf, options.EffectiveRate), asOf, market,
                new RevenueOptions { CommissionRate = options.CommissionRate, AgentShare = options.AgentShare, Simulations = 1000, Seed = options.Seed }, 1);
            var forecast = simulation.MonthQuantile(0.5)[0];
            rows.Add((next, forecast, actual));
            if (actual > 0)
            {
                errors.Add(Math.Abs(forecast - actual) / actual);
            }
        }

        var rng = new Random(1);
        var boot = Enumerable.Range(0, 2000).Select(_ => Enumerable.Range(0, errors.Count).Average(_ => errors[rng.Next(errors.Count)])).ToArray();
        return new RevenueBacktestResult(errors.Count == 0 ? double.NaN : errors.Average(),
            RevenueSimulation.Quantile(boot, 0.025), RevenueSimulation.Quantile(boot, 0.975), rows);
    }
}

/// <summary>Monthly revenue MAPE of the one-month-ahead backtest with its bootstrap 95% interval, and the months behind it.</summary>
public sealed record RevenueBacktestResult(double Mape, double MapeLow, double MapeHigh, IReadOnlyList<(DateOnly Month, double Forecast, double Actual)> Months);
