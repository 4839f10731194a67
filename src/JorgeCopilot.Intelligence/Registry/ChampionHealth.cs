using JorgeCopilot.Core.Health;

namespace JorgeCopilot.Intelligence.Registry;

/// <summary>
/// One model task's part of <c>/health</c>: healthy when its champion loads; degraded when none has been trained yet
/// (the rest of the copilot works and says so when asked); unhealthy when the champion's bytes cannot be loaded (e.g.
/// saved by an older version), because every request to that task would then fail. <paramref name="loadChampion"/> is
/// the task's own cached loader, so repeated probes cost one registry query.
/// </summary>
/// <param name="task">The task name, e.g. "lead-scoring"; also the <c>jorge train</c> sub-command.</param>
/// <param name="loadChampion">Loads (or returns the cached) champion: its version and a one-line summary, or null.</param>
/// <param name="training">What this process is training; a missing champion being trained now is reported as on its way.</param>
public sealed class ChampionHealth(string task, Func<CancellationToken, Task<(int Version, string Summary)?>> loadChampion, TrainingActivity? training = null)
    : IHealthContributor
{
    public string Name => task;

    public async Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        (int Version, string Summary)? champion;
        try
        {
            champion = await loadChampion(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return HealthContribution.Unhealthy($"The {task} champion cannot be loaded ({ex.Message}); run `jorge train {task}`.");
        }

        if (champion is not { } loaded)
        {
            return training?.StartedAt(task) is { } started
                ? HealthContribution.Degraded($"No {task} model yet: a training run started at {started.UtcDateTime:HH:mm:ss} UTC and is under way.")
                : HealthContribution.Degraded($"No {task} model trained yet; run `jorge train {task}`.");
        }

        return HealthContribution.Healthy($"champion v{loaded.Version} loaded ({loaded.Summary})",
            new Dictionary<string, object> { ["version"] = loaded.Version });
    }
}
