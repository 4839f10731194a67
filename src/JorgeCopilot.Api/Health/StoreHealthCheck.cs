using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JorgeCopilot.Api.Health;

/// <summary>The store answers and its schema is current (a pending migration means this replica runs on an old schema).</summary>
public sealed class StoreHealthCheck(JorgeDbContextFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["provider"] = factory.Connection.Provider == StoreProvider.Postgres ? "postgresql" : "sqlite",
            ["embeddedDefault"] = factory.Connection.IsEmbeddedDefault,
            ["reachable"] = false,
        };
        try
        {
            await using var db = factory.CreateDbContext();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The store is not reachable.", data: data);
            }

            data["reachable"] = true;
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            data["pendingMigrations"] = pending.Count;
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"The store ({data["provider"]}) is reachable and up to date.", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are pending: {string.Join(", ", pending)}.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception type, not its message: connection errors can echo host names and user names.
            return HealthCheckResult.Unhealthy($"The store check failed ({ex.GetType().Name}).", data: data);
        }
    }
}
