using JorgeCopilot.Core.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JorgeCopilot.Api.Health;

/// <summary>Asks every capability's <see cref="IHealthContributor"/> (e.g. "champion model loaded") and reports the worst.</summary>
public sealed class ModelsHealthCheck(IEnumerable<IHealthContributor> contributors) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var worst = HealthState.Healthy;
        foreach (var contributor in contributors)
        {
            HealthContribution result;
            try
            {
                result = await contributor.CheckAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = HealthContribution.Unhealthy($"The check failed ({ex.GetType().Name}).");
            }

            worst = (HealthState)Math.Max((int)worst, (int)result.State);
            data[contributor.Name] = new ContributorReport(ToText(result.State), result.Description, result.Data);
        }

        var description = data.Count == 0
            ? "No model-backed capability is registered."
            : $"{data.Count} capabilities reported; worst: {ToText(worst)}.";
        return worst switch
        {
            HealthState.Healthy => HealthCheckResult.Healthy(description, data),
            HealthState.Degraded => HealthCheckResult.Degraded(description, data: data),
            _ => HealthCheckResult.Unhealthy(description, data: data),
        };
    }

    private static string ToText(HealthState state) => state.ToString().ToLowerInvariant();

    private sealed record ContributorReport(string Status, string Description, IReadOnlyDictionary<string, object>? Data);
}
