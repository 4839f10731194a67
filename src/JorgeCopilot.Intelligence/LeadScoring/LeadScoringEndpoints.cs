using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Validation;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>REST: <c>GET /api/v1/leads/top</c>, <c>GET /api/v1/leads/{id}/score</c>, <c>POST /api/v1/outcomes</c>.</summary>
public static class LeadScoringEndpoints
{
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapLeadScoring(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var leads = app.MapGroup("/api/v1/leads").WithTags("Lead scoring");
        leads.MapGet("/top", TopAsync)
            .WithName("GetTopLeads")
            .WithSummary("The hottest open leads by calibrated conversion probability")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        leads.MapGet("/{leadId}/score", ScoreAsync)
            .WithName("GetLeadScore")
            .WithSummary("Conversion probability with its 80% interval, band, top reasons and model version")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/v1/outcomes", OutcomeEndpoint.RecordAsync)
            .WithTags("Lead scoring")
            .WithName("RecordOutcome")
            .WithMetadata(new RequiresApiScopeAttribute(ApiScopes.Write, ApiScopes.Bot))
            .Accepts<OutcomeRequest>("application/json")
            .Produces<OutcomeResponse>(StatusCodes.Status201Created)
            .Produces<OutcomeResponse>()
            .WithSummary("Record what became of a lead (idempotent by key); feeds the next training run")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Results<Ok<TopLeadsResponse>, ProblemHttpResult>> TopAsync(int? limit, LeadScoringService service, CancellationToken cancellationToken)
    {
        if (InputRules.Limit(limit, MaxLimit) is { } invalid)
        {
            return InvalidInput.Problem("limit", invalid);
        }

        var take = limit ?? 10;

        return await service.RankAsync(take, cancellationToken) is { } ranked ? TypedResults.Ok(ranked) : NoModel();
    }

    internal static async Task<Results<Ok<LeadScoreResponse>, ProblemHttpResult>> ScoreAsync(long leadId, LeadScoringService service, CancellationToken cancellationToken)
    {
        // A non-numeric id fails binding (400 naming leadId, from the host's exception handler); zero and negatives here.
        if (InputRules.Id(leadId, "leadId") is { } invalid)
        {
            return InvalidInput.Problem("leadId", invalid);
        }

        var result = await service.ScoreAsync(leadId, cancellationToken, topReasons: 5);
        if (result.Score is not { } s)
        {
            return result.Failure switch
            {
                LeadScoreFailure.UnknownLead => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown lead", detail: result.Message),
                LeadScoreFailure.NoData => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Lead has no data", detail: result.Message),
                LeadScoreFailure.MissingFeatures => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not enough to score this lead", detail: result.Message),
                _ => NoModel(),
            };
        }

        return TypedResults.Ok(ToResponse(s));
    }

    internal static LeadScoreResponse ToResponse(LeadScore s) => new(
        s.LeadId, s.Name, Percent(s.Prediction.Probability), Percent(s.Prediction.Low), Percent(s.Prediction.High), s.Prediction.Band,
        s.Explanation.TopReasons.Select(r => new ReasonItem(r.Feature, r.Text, r.Points)).ToList(), s.ModelVersion,
        "80% split-conformal interval: the conversion rate among about 200 leads scored like this one");

    internal static ProblemHttpResult NoModel() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "No lead-scoring model", detail: "No lead-scoring model has been trained yet: run `jorge train lead-scoring`.");

    internal static double Percent(double p) => Math.Round(p * 100, 1);
}

public sealed record TopLeadsResponse(IReadOnlyList<TopLeadItem> Leads, int ModelVersion);

public sealed record TopLeadItem(long LeadId, string Name, double ProbabilityPercent, double LowPercent, double HighPercent, string Band, string? TopReason);

public sealed record LeadScoreResponse(long LeadId, string Name, double ProbabilityPercent, double LowPercent, double HighPercent, string Band,
    IReadOnlyList<ReasonItem> TopReasons, int ModelVersion, string Interval);

public sealed record ReasonItem(string Feature, string Text, double Points);
