namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Chart data every forecast answer carries: month labels, the median and the 80% (and 95%) band.</summary>
public sealed record ForecastChart(IReadOnlyList<string> X, double[] Median, double[] Lower, double[] Upper, double[] Lower95, double[] Upper95, string Unit);

/// <summary>Why a forecasting request failed (mapped to HTTP status by the endpoints, relayed as text by the plugin).</summary>
public enum ForecastFailure
{
    BadRequest,
    NotFound,
    NoData,
}

/// <summary>A value or a failure with its message.</summary>
public sealed record ForecastOutcome<T>(T? Value, ForecastFailure? Failure = null, string? Message = null)
    where T : class
{
    public static ForecastOutcome<T> Fail(ForecastFailure failure, string message) => new(null, failure, message);
}

public sealed record MonthAmount(string Month, double Median, double Low80, double High80, double Pipeline, double Baseline);

/// <summary>A forecast month of a market series (sales counts): median and 80% range.</summary>
public sealed record MonthRange(string Month, double Median, double Low80, double High80);

public sealed record RevenueForecast(
    string AsOf,
    IReadOnlyList<MonthAmount> Months,
    double TotalMedian,
    double TotalLow80,
    double TotalHigh80,
    double TotalLow95,
    double TotalHigh95,
    int OpenDeals,
    double CloseProbabilityOpen,
    double CloseProbabilityUnderContract,
    double MarketShare,
    string Market,
    string Provenance,
    ForecastChart Chart);

/// <param name="Probability">Share of simulated paths reaching <paramref name="Amount"/> by <paramref name="By"/> (first: the headline).</param>
/// <param name="By">The goal date asked for, or the end of the data's current quarter (yyyy-MM-dd).</param>
public sealed record GoalOdds(
    double Probability,
    double Amount,
    string By,
    double ExpectedTotal,
    double Low80,
    double High80,
    double FromPipeline,
    int Months,
    string Provenance,
    ForecastChart Chart);

public sealed record MarketForecast(
    string Region,
    string Metric,
    string LastKnownMonth,
    IReadOnlyList<MonthRange> Months,
    IReadOnlyDictionary<string, double> Weights,
    string Provenance,
    ForecastChart Chart);

public sealed record StageTime(string Stage, double? MedianDays, int Deals, int StillIn);

public sealed record PipelineVelocity(
    double? MedianDaysToClose,
    double? P80DaysToClose,
    IReadOnlyList<StageTime> Stages,
    string Bottleneck,
    int OpenDeals,
    int ClosedDeals,
    int LostDeals,
    string Method,
    string Provenance);

public sealed record LeakagePoint(string Where, string Segment, int Entered, int Lost, double LostShare, double CommissionLost);

public sealed record RevenueLeakage(IReadOnlyList<LeakagePoint> Points, string Largest, string Provenance);

public sealed record AnomalyMonth(string Month, double Value, double RobustZ, string What);

public sealed record Benchmark(
    double ClosingsPerMonth,
    double MarketShare,
    double? DaysContractToClose,
    double? MarketDaysToClose,
    string? MarketDaysToCloseMonth,
    double? DaysToContract,
    double? MarketDaysToPending,
    double ConversionRate,
    IReadOnlyList<AnomalyMonth> Anomalies,
    string Provenance);

/// <summary>A failure the agent relays as text.</summary>
public sealed record ForecastMessage(string Message);
