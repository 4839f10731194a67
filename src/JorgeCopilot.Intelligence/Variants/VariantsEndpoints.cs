using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>The outcome a bot reports for a served variant: reply, appointment, conversion or no_reply.</summary>
public sealed record VariantOutcomeRequest(string Outcome);

public sealed record VariantOutcomeResponse(Guid ServedId, string Outcome, bool Counted);

public sealed record ExperimentsResponse(IReadOnlyList<ExperimentView> Experiments);

/// <summary>REST for Jorge's bots: <c>POST /api/v1/variants</c>, <c>POST /api/v1/variants/{servedId}/outcome</c>, <c>GET /api/v1/experiments</c>.</summary>
public static class VariantsEndpoints
{
    public static IEndpointRouteBuilder MapVariants(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var variants = app.MapGroup("/api/v1").WithTags("Bot variants");
        variants.MapPost("/variants", GenerateAsync)
            // Jorge's bots ask for variants and report outcomes with a bot key.
            .WithMetadata(new RequiresApiScopeAttribute(ApiScopes.Write, ApiScopes.Bot))
            .WithName("GenerateVariants")
            .WithSummary("Ranked message variants for a lead, each with the bandit arm that chose it, its propensity and a served id for the outcome")
            .Accepts<VariantRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        variants.MapPost("/variants/{servedId:guid}/outcome", OutcomeAsync)
            .WithMetadata(new RequiresApiScopeAttribute(ApiScopes.Write, ApiScopes.Bot))
            .WithName("RecordVariantOutcome")
            .WithSummary("What the lead did after a served variant (idempotent by served id); updates the bandit")
            .Accepts<VariantOutcomeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        variants.MapGet("/experiments", ExperimentsAsync)
            .WithName("GetExperiments")
            .WithSummary("Experiments with every arm's counts, posterior mean, 95% credible interval and probability of being best in its segment");
        return app;
    }

    internal static async Task<Results<Ok<VariantSet>, ProblemHttpResult>> GenerateAsync(VariantRequest request, VariantService service, CancellationToken cancellationToken)
    {
        var result = await service.GenerateAsync(request, cancellationToken);
        return result.Set is { } set
            ? TypedResults.Ok(set)
            : result.Failure switch
            {
                VariantFailure.LeadNotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown lead", detail: result.Message),
                VariantFailure.OptedOut => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Lead opted out", detail: result.Message),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid variant request", detail: result.Message),
            };
    }

    internal static async Task<Results<Ok<VariantOutcomeResponse>, ProblemHttpResult>> OutcomeAsync(
        Guid servedId, VariantOutcomeRequest request, VariantService service, CancellationToken cancellationToken)
    {
        if (!OutcomeLevels.TryParse(request?.Outcome, out var level))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid outcome",
                detail: "outcome must be reply, appointment, conversion or no_reply.");
        }

        var recorded = await service.RecordOutcomeAsync(servedId, level, cancellationToken);
        return recorded == OutcomeRecording.UnknownServedId
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown served id", detail: $"No variant was served as {servedId}.")
            : TypedResults.Ok(new VariantOutcomeResponse(servedId, OutcomeLevels.Name(level), recorded == OutcomeRecording.Counted));
    }

    internal static async Task<Ok<ExperimentsResponse>> ExperimentsAsync(string? name, VariantService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ExperimentsResponse(await service.ExperimentsAsync(name, cancellationToken)));
}
