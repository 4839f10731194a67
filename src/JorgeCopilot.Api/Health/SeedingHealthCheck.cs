using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JorgeCopilot.Api.Health;

/// <summary>
/// First-start seeding of the embedded store: unhealthy (503) until the demo workspace is ready, so anything waiting on
/// <c>/health</c> sends traffic only once the data is there; failed seeding stays unhealthy. A configured store is
/// never seeded automatically, so for it this check is always healthy.
/// </summary>
public sealed class SeedingHealthCheck(SeedingState state, StoreConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["state"] = state.Status.ToString().ToLowerInvariant(),
            ["seededThisStart"] = state.Seeded,
        };
        if (state.Progress is { } progress)
        {
            data["task"] = progress.Task;
            data["done"] = progress.Done;
            data["total"] = progress.Total;
        }

        if (!connection.IsEmbeddedDefault && state.Status != SeedingStatus.Failed)
        {
            return Task.FromResult(HealthCheckResult.Healthy("A configured store is never seeded automatically (use `jorge seed`).", data));
        }

        return Task.FromResult(state.Status switch
        {
            SeedingStatus.Ready => HealthCheckResult.Healthy(
                state.Seeded ? "The demo workspace was seeded on this start." : "The store already holds data; nothing to seed.", data),
            SeedingStatus.Seeding => HealthCheckResult.Unhealthy("Seeding the demo workspace from the bundled data.", data: data),
            SeedingStatus.Failed => HealthCheckResult.Unhealthy($"Seeding failed: {state.Error}", data: data),
            _ => HealthCheckResult.Unhealthy("Checking whether the store needs seeding.", data: data),
        });
    }
}
