using JorgeCopilot.Intelligence.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Registry;

/// <summary>REST: <c>GET /api/v1/models</c> (every task's versions) and <c>GET /api/v1/models/{task}</c> (versions, metrics over time, drift, live accuracy).</summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelRegistry(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/models").WithTags("Models");
        group.MapGet("/", async (IModelRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.ListAsync(null, ct)))
            .WithName("ListModels")
            .WithSummary("Every registered model version of every task (without bytes)");
        group.MapGet("/{task}", ReportAsync)
            .WithName("GetModelReport")
            .WithSummary("A task's versions, held-out metrics over time, champion drift (PSI per feature) and live accuracy")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<ModelReport>, ProblemHttpResult>> ReportAsync(string task, ModelReportService reports, CancellationToken cancellationToken)
    {
        var report = await reports.ReportAsync(task, cancellationToken);
        return report is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown model task", detail: $"No model task '{task}' is registered.")
            : TypedResults.Ok(report);
    }
}
