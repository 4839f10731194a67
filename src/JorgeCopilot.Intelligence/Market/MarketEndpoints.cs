using JorgeCopilot.Core.Market;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>REST for the market under /api/v1/market: trends, investment alerts, market share.</summary>
public static class MarketEndpoints
{
    public static RouteGroupBuilder MapMarket(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/market").WithTags("Market");

        group.MapGet("/trends", async Task<Results<Ok<MarketTrendsReport>, ProblemHttpResult>> (string? region, MarketTrendsService trends, CancellationToken ct) =>
            {
                if (region is { Length: > 100 })
                {
                    return PricingEndpoints.BadRequest("region is too long.");
                }

                var report = await trends.AnalyzeAsync(region, ct);
                return report is { Trends.Count: > 0 }
                    ? TypedResults.Ok(report)
                    : TypedResults.Problem($"No market series for \"{region ?? MarketData.DefaultRegion}\".", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            })
            .WithName("MarketTrends").WithSummary("MoM, YoY, momentum, inventory and DOM direction, anomalies for a metro")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/alerts", async Task<Results<Ok<AlertScan>, ProblemHttpResult>> (int? limit, InvestmentAlertService alerts, CancellationToken ct) =>
            {
                if (limit is < 1 or > 50)
                {
                    return PricingEndpoints.BadRequest("limit must be between 1 and 50.");
                }

                return TypedResults.Ok(await alerts.RaiseAsync(limit ?? 5, ct));
            })
            .WithName("RaiseInvestmentAlerts").WithSummary("Raises new investment alerts (each opportunity only once)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/alerts", async Task<Results<Ok<IReadOnlyList<InvestmentAlert>>, ProblemHttpResult>> (int? limit, InvestmentAlertService alerts, CancellationToken ct) =>
            {
                if (limit is < 1 or > 500)
                {
                    return PricingEndpoints.BadRequest("limit must be between 1 and 500.");
                }

                return TypedResults.Ok(await alerts.HistoryAsync(limit ?? 50, ct));
            })
            .WithName("InvestmentAlertHistory").WithSummary("Alerts raised so far, newest first")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/share", async Task<Results<Ok<MarketShareReport>, ProblemHttpResult>> (string? by, DateOnly? from, DateOnly? to, CompetitiveIntelligence competition, CancellationToken ct) =>
            {
                var key = by ?? "brokerage";
                if (key is not ("brokerage" or "agent"))
                {
                    return PricingEndpoints.BadRequest("by must be \"brokerage\" or \"agent\".");
                }

                if (from is { } f && to is { } t && f > t)
                {
                    return PricingEndpoints.BadRequest("from must not be after to.");
                }

                var report = await competition.AnalyzeAsync(key, from, to, ct);
                return report.Transactions > 0
                    ? TypedResults.Ok(report)
                    : TypedResults.Problem(CompetitiveIntelligence.NoDataMessage, statusCode: StatusCodes.Status404NotFound, title: "No listing data");
            })
            .WithName("MarketShare").WithSummary("Market share over time and positioning by brokerage or agent (imported listing exports)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
