using System.ComponentModel;
using System.Globalization;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Kernel plugin "Forecasting": Jorge's commission forecast, goal odds, market sales forecasts, pipeline velocity,
/// revenue leakage, return by lead source and activity, where his hours go, and his benchmark against the market. Forecast results carry a <c>Chart</c> (month labels, median,
/// 80% and 95% bands). Every answer says what is generated attribution and what is real market data. Failures come back
/// as a <see cref="ForecastMessage"/>.
/// </summary>
public sealed class ForecastingPlugin(ForecastingService forecasting, RoiService roi)
{
    [KernelFunction("forecast_revenue")]
    [Description("Forecasts Jorge's commission income month by month with 80% and 95% ranges: open deals weighted by their chance to close plus a baseline from his closing history and his market's forecast sales.")]
    [Answer("revenue-forecast", Title = "Commission forecast", HeadlineFigures = 2, TableTitle = "By month",
        Money = ["TotalMedian", "TotalLow80", "TotalHigh80", "TotalLow95", "TotalHigh95", "Median", "Low80", "High80", "Pipeline", "Baseline"], Fractions = ["CloseProbabilityOpen", "CloseProbabilityUnderContract", "MarketShare"])]
    [FollowUp("Goal odds", "will i make 60k this quarter")]
    [FollowUp("Pipeline speed", "how fast do my deals close")]
    public async Task<object> ForecastRevenueAsync(
        [Description("How many months ahead to forecast (1–24, default 6)")] int months_ahead = 6,
        CancellationToken cancellationToken = default) =>
        Relay(await forecasting.ForecastRevenueAsync(months_ahead, cancellationToken));

    [KernelFunction("goal_probability")]
    [Description("Chance that Jorge's commission income reaches a goal amount by a date, by simulating his pipeline and baseline.")]
    [Answer("goal-odds", Title = "Chance to reach your goal", HeadlineFigures = 1, Money = ["ExpectedTotal", "Low80", "High80", "FromPipeline"], Fractions = ["Probability"])]
    [FollowUp("Revenue forecast", "forecast my commission")]
    public async Task<object> GoalProbabilityAsync(
        [Description("Goal amount of commission income in dollars")] double amount,
        [Description("Date to reach it by (yyyy-MM or yyyy-MM-dd); default the end of the current quarter")] string? by = null,
        CancellationToken cancellationToken = default)
    {
        DateOnly? date = null;
        if (by is not null)
        {
            if (!TryParseMonth(by, out var parsed))
            {
                return new ForecastMessage($"'{by}' is not a date; use yyyy-MM or yyyy-MM-dd.");
            }

            date = parsed;
        }

        return Relay(await forecasting.GoalProbabilityAsync(amount, date, cancellationToken));
    }

    [KernelFunction("forecast_market")]
    [Description("Forecasts a metro's monthly home sales (Zillow sales counts) with 80% and 95% ranges.")]
    [Answer("market-forecast", Title = "Market forecast", HeadlineFigures = 1, TableTitle = "By month")]
    public async Task<object> ForecastMarketAsync(
        [Description("Metro name, e.g. Seattle (default Seattle, WA)")] string? region = null,
        [Description("How many months ahead (1–24, default 12)")] int months_ahead = 12,
        CancellationToken cancellationToken = default) =>
        Relay(await forecasting.ForecastMarketAsync(region, months_ahead, cancellationToken));

    [KernelFunction("pipeline_velocity")]
    [Description("How fast Jorge's deals move: median days to close, days per stage (open deals counted as still running) and the bottleneck stage.")]
    [Answer("pipeline-velocity", Title = "Pipeline speed", HeadlineFigures = 1, TableTitle = "Stages")]
    [FollowUp("Where do I lose deals?", "where am i losing deals")]
    public async Task<object> PipelineVelocityAsync(CancellationToken cancellationToken = default) =>
        Relay(await forecasting.VelocityAsync(cancellationToken));

    [KernelFunction("revenue_leakage")]
    [Description("Where Jorge loses deals and leads: losses by deal stage with the commission lost, and lead losses by channel.")]
    [Answer("revenue-leakage", Title = "Where deals are lost", TableTitle = "Losses", Money = ["CommissionLost"], Fractions = ["LostShare"])]
    public async Task<object> RevenueLeakageAsync(CancellationToken cancellationToken = default) =>
        Relay(await forecasting.LeakageAsync(cancellationToken));

    [KernelFunction("benchmark")]
    [Description("Compares Jorge's closings, market share and deal speed with his metro's market figures and flags unusual months.")]
    [Answer("benchmark", Title = "You against your market", TableTitle = "Figures", Fractions = ["MarketShare", "ConversionRate"])]
    public async Task<object> BenchmarkAsync(CancellationToken cancellationToken = default) =>
        Relay(await forecasting.BenchmarkAsync(cancellationToken));

    [KernelFunction("roi_by_source")]
    [Description("Return by lead source: leads, conversions, closed deals, commission, revenue per lead, and revenue per dollar and per hour over the months the imported cost table covers (empty when no costs are imported).")]
    [Answer("roi-by-source", Title = "Return by lead source", TableTitle = "Sources", Money = ["Revenue", "RevenuePerLead", "WindowRevenue", "RevenuePerHour"])]
    [FollowUp("Where do my hours go?", "where does my time go")]
    public async Task<object> RoiBySourceAsync(CancellationToken cancellationToken = default) => await roi.BySourceAsync(cancellationToken);

    [KernelFunction("roi_by_activity")]
    [Description("Return by activity (showings, open houses, calls, messages...): hours, cost, attributed revenue, revenue per hour and per dollar, best first; from the imported activity log, or derived from the message history.")]
    [Answer("roi-by-activity", Title = "Return by activity", TableTitle = "Activities", Money = ["Revenue", "RevenuePerHour"])]
    [FollowUp("Return by lead source", "which lead source pays best")]
    public async Task<object> RoiByActivityAsync(CancellationToken cancellationToken = default) =>
        RoiService.ByReturn(await roi.ByActivityAsync(cancellationToken));

    [KernelFunction("time_allocation")]
    [Description("Where Jorge's hours go against what they return: share of hours and share of attributed revenue per activity, and the activity most over-invested in.")]
    [Answer("time-allocation", Title = "Where your hours go", TableTitle = "Activities", Money = ["Revenue", "RevenuePerHour"])]
    [FollowUp("Return by activity", "which activities pay best per hour")]
    public async Task<object> TimeAllocationAsync(CancellationToken cancellationToken = default) =>
        RoiService.Allocation(await roi.ByActivityAsync(cancellationToken));

    internal static bool TryParseMonth(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            // "by 2015-12" means by the end of that month.
            date = month.AddMonths(1).AddDays(-1);
            return true;
        }

        return false;
    }

    private static object Relay<T>(ForecastOutcome<T> outcome)
        where T : class => outcome.Value is { } value ? value : new ForecastMessage(outcome.Message ?? "The forecast failed.");
}
