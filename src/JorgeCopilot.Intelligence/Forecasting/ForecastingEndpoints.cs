using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>REST under /api/v1/forecast (revenue, goal odds, market, revenue backtest) and /api/v1/business (velocity, leakage, benchmark, ROI by source and activity, time allocation).</summary>
public static class ForecastingEndpoints
{
    public static IEndpointRouteBuilder MapForecasting(this IEndpointRouteBuilder endpoints)
    {
        var forecast = endpoints.MapGroup("/api/v1/forecast").WithTags("Forecasting");
        forecast.MapGet("/revenue", async Task<Results<Ok<RevenueForecast>, ProblemHttpResult>> (int? monthsAhead, ForecastingService service, CancellationToken ct) =>
                ToResult(await service.ForecastRevenueAsync(monthsAhead ?? 6, ct)))
            .WithName("ForecastRevenue").WithSummary("Monthly commission forecast with 80%/95% ranges (pipeline + baseline)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        forecast.MapGet("/goal", async Task<Results<Ok<GoalOdds>, ProblemHttpResult>> (double? amount, string? by, ForecastingService service, CancellationToken ct) =>
            {
                if (amount is null || !ForecastingPlugin.TryParseMonth(by, out var date))
                {
                    return TypedResults.Problem("amount and by (yyyy-MM or yyyy-MM-dd) are required.", statusCode: StatusCodes.Status400BadRequest);
                }

                return ToResult(await service.GoalProbabilityAsync(amount.Value, date, ct));
            })
            .WithName("GoalProbability").WithSummary("Chance of reaching a commission goal by a date")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        forecast.MapGet("/market", async Task<Results<Ok<MarketForecast>, ProblemHttpResult>> (string? region, int? monthsAhead, ForecastingService service, CancellationToken ct) =>
                ToResult(await service.ForecastMarketAsync(region, monthsAhead ?? 12, ct)))
            .WithName("ForecastMarket").WithSummary("A metro's monthly sales forecast with 80%/95% ranges")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        forecast.MapGet("/revenue/backtest", async Task<Results<Ok<RevenueBacktestSummary>, ProblemHttpResult>> (ForecastingService service, CancellationToken ct) =>
            {
                var outcome = await service.BacktestAsync(ct);
                return outcome.Value is { } v
                    ? TypedResults.Ok(new RevenueBacktestSummary(v.Mape, v.MapeLow, v.MapeHigh, v.Months.Select(m => new MonthActual($"{m.Month:yyyy-MM}", Math.Round(m.Forecast), Math.Round(m.Actual))).ToList()))
                    : Problem(outcome.Failure, outcome.Message);
            })
            .WithName("RevenueBacktest").WithSummary("One-month-ahead revenue backtest: MAPE with its bootstrap 95% interval")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var business = endpoints.MapGroup("/api/v1/business").WithTags("Business");
        business.MapGet("/velocity", async Task<Results<Ok<PipelineVelocity>, ProblemHttpResult>> (ForecastingService service, CancellationToken ct) =>
                ToResult(await service.VelocityAsync(ct)))
            .WithName("PipelineVelocity").WithSummary("Days to close and per stage (Kaplan-Meier), bottleneck stage");
        business.MapGet("/leakage", async Task<Results<Ok<RevenueLeakage>, ProblemHttpResult>> (ForecastingService service, CancellationToken ct) =>
                ToResult(await service.LeakageAsync(ct)))
            .WithName("RevenueLeakage").WithSummary("Where deals and leads are lost, with commission lost");
        business.MapGet("/benchmark", async Task<Results<Ok<Benchmark>, ProblemHttpResult>> (ForecastingService service, CancellationToken ct) =>
                ToResult(await service.BenchmarkAsync(ct)))
            .WithName("Benchmark").WithSummary("His closings, share and speed against the market; unusual months flagged");
        business.MapGet("/roi/sources", async Task<Ok<SourceRoiResult>> (RoiService roi, CancellationToken ct) => TypedResults.Ok(await roi.BySourceAsync(ct)))
            .WithName("RoiBySource").WithSummary("Revenue per lead, per dollar and per hour by lead source (per dollar and hour where the cost table covers it)");
        business.MapGet("/roi/activities", async Task<Ok<ActivityRoiResult>> (RoiService roi, CancellationToken ct) =>
                TypedResults.Ok(RoiService.ByReturn(await roi.ByActivityAsync(ct))))
            .WithName("RoiByActivity").WithSummary("Revenue per hour and per dollar by activity, from the activity log or derived from messages");
        business.MapGet("/time-allocation", async Task<Ok<TimeAllocation>> (RoiService roi, CancellationToken ct) =>
                TypedResults.Ok(RoiService.Allocation(await roi.ByActivityAsync(ct))))
            .WithName("TimeAllocation").WithSummary("Share of hours by activity against share of revenue");
        return endpoints;
    }

    private static Results<Ok<T>, ProblemHttpResult> ToResult<T>(ForecastOutcome<T> outcome)
        where T : class => outcome.Value is { } value ? TypedResults.Ok(value) : Problem(outcome.Failure, outcome.Message);

    private static ProblemHttpResult Problem(ForecastFailure? failure, string? message) => TypedResults.Problem(message, statusCode: failure switch
    {
        ForecastFailure.BadRequest => StatusCodes.Status400BadRequest,
        ForecastFailure.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status503ServiceUnavailable,
    });
}

public sealed record MonthActual(string Month, double Forecast, double Actual);

public sealed record RevenueBacktestSummary(double Mape, double MapeLow95, double MapeHigh95, IReadOnlyList<MonthActual> Months);
