using JorgeCopilot.Core.Validation;
using JorgeCopilot.Intelligence.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>REST for pricing under /api/v1/pricing: value, list price, days to sell, undervalued homes.</summary>
public static class PricingEndpoints
{
    public static RouteGroupBuilder MapPricing(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/pricing").WithTags("Pricing");

        group.MapGet("/value", async Task<Results<Ok<Valuation>, ProblemHttpResult>> (
                string? address, string? zip, double? bedrooms, double? bathrooms, double? sqft, int? yearBuilt, PricingService pricing, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(address) && string.IsNullOrWhiteSpace(zip) && sqft is null)
                {
                    return InvalidInput.Problem("address", "Give an address (or parcel id), a zip, or the home's facts with its sqft.");
                }

                var errors = new InputErrors()
                    .Check("zip", InputRules.Zip(zip))
                    .Check("bedrooms", InputRules.Bedrooms.Check(bedrooms))
                    .Check("bathrooms", InputRules.Bathrooms.Check(bathrooms))
                    .Check("sqft", InputRules.Sqft.Check(sqft))
                    .Check("yearBuilt", InputRules.YearBuilt.Check(yearBuilt));
                if (errors.Count > 0)
                {
                    return InvalidInput.Problem(errors);
                }

                var result = await pricing.EstimateAsync(new HomeQuery(address, zip, bedrooms, bathrooms, sqft, yearBuilt), ct);
                return result.Value is { } v ? TypedResults.Ok(v) : Failure(result);
            })
            .WithName("EstimateValue").WithSummary("Value of a home with 80%/95% intervals, reasons and comparables")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/list-price", async Task<Results<Ok<ListPriceAdvice>, ProblemHttpResult>> (string? address, PricingService pricing, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(address))
                {
                    return InvalidInput.Problem("address", "address (or parcel id) is required.");
                }

                var result = await pricing.RecommendListPriceAsync(address, ct);
                return result.Value is { } v ? TypedResults.Ok(v) : Failure(result);
            })
            .WithName("RecommendListPrice").WithSummary("List price point and range with comparables, sale-to-list context and days to sell")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/days-to-sell", async Task<Results<Ok<DaysToSellEstimate>, ProblemHttpResult>> (string? address, double? listPrice, PricingService pricing, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(address))
                {
                    return InvalidInput.Problem("address", "address (or parcel id) is required.");
                }

                if (InputRules.ListPrice.Check(listPrice) is { } invalid)
                {
                    return InvalidInput.Problem("listPrice", invalid);
                }

                var result = await pricing.EstimateDaysToSellAsync(address, listPrice, ct);
                return result.Value is { } v ? TypedResults.Ok(v) : Failure(result);
            })
            .WithName("EstimateDaysToSell").WithSummary("Days to pending at a list price (market level unless listings were imported)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/undervalued", async Task<Results<Ok<IReadOnlyList<UndervaluedHome>>, ProblemHttpResult>> (string? zip, int? limit, PricingService pricing, CancellationToken ct) =>
            {
                var errors = new InputErrors().Check("zip", InputRules.Zip(zip)).Check("limit", InputRules.Limit(limit, 100));
                if (errors.Count > 0)
                {
                    return InvalidInput.Problem(errors);
                }

                var result = await pricing.FindUndervaluedAsync(zip is null ? null : [zip], limit ?? 10, ct);
                return result.Value is { } v ? TypedResults.Ok(v) : Failure(result);
            })
            .WithName("FindUndervalued").WithSummary("Homes priced below the model's 80% interval (out-of-fold values)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    internal static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: InvalidInput.Title);

    private static ProblemHttpResult Failure<T>(PricingResult<T> result) => result.Failure switch
    {
        PricingFailure.NoModel => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No pricing model"),
        PricingFailure.Invalid => BadRequest(result.Error!),
        _ => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
    };
}
