using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JorgeCopilot.Api.Health;

/// <summary><c>GET /health</c>: 200 when healthy or degraded, 503 when a check is unhealthy.</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddJorgeHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store")
            .AddCheck<SeedingHealthCheck>("seeding")
            .AddCheck<ModelsHealthCheck>("models");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        })
        .AllowAnonymous()
        .WithDisplayName("Health")
        .WithTags("Health");
        return endpoints;
    }
}
