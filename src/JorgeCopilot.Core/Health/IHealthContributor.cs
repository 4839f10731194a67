namespace JorgeCopilot.Core.Health;

/// <summary>
/// A capability's part of <c>/health</c>, e.g. "the lead-scoring champion model is loaded". Register one per capability
/// with <c>services.AddSingleton&lt;IHealthContributor, XxxHealth&gt;()</c>; the host reports every registered contributor.
/// Return <see cref="HealthState.Degraded"/> for "works, but not fully" (no model trained yet: the copilot says so) and
/// <see cref="HealthState.Unhealthy"/> only when requests would fail; only unhealthy turns <c>/health</c> into 503.
/// </summary>
public interface IHealthContributor
{
    /// <summary>Stable name in the health report, e.g. "lead-scoring".</summary>
    string Name { get; }

    Task<HealthContribution> CheckAsync(CancellationToken cancellationToken);
}

public enum HealthState
{
    Healthy,
    Degraded,
    Unhealthy,
}

/// <param name="State">The contributor's verdict.</param>
/// <param name="Description">One line for people, e.g. "champion v3 loaded (trained 2026-11-20)". No personal data.</param>
/// <param name="Data">Small facts for machines, e.g. the model version.</param>
public sealed record HealthContribution(HealthState State, string Description, IReadOnlyDictionary<string, object>? Data = null)
{
    public static HealthContribution Healthy(string description, IReadOnlyDictionary<string, object>? data = null) =>
        new(HealthState.Healthy, description, data);

    public static HealthContribution Degraded(string description, IReadOnlyDictionary<string, object>? data = null) =>
        new(HealthState.Degraded, description, data);

    public static HealthContribution Unhealthy(string description, IReadOnlyDictionary<string, object>? data = null) =>
        new(HealthState.Unhealthy, description, data);
}
