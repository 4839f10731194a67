using JorgeCopilot.Core.Health;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// The bot's part of <c>/health</c>: every turn worker must be running, since a stopped one silences every
/// conversation hashed to it. Unhealthy (503) when one stopped while the host runs.
/// </summary>
public sealed class TurnWorkersHealth(TurnQueue queue) : IHealthContributor
{
    public string Name => "bot-turn-workers";

    public Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object> { ["workers"] = queue.Workers, ["running"] = queue.RunningWorkers };
        if (!queue.Started || queue.Stopping)
        {
            return Task.FromResult(HealthContribution.Healthy(queue.Stopping ? "turn workers are finishing before shutdown" : "turn workers start with the host", data));
        }

        var stopped = queue.Workers - queue.RunningWorkers;
        return Task.FromResult(stopped == 0
            ? HealthContribution.Healthy($"{queue.Workers} of {queue.Workers} turn workers running", data)
            : HealthContribution.Unhealthy($"{stopped} of {queue.Workers} turn workers stopped; conversations on them get no replies until a restart", data));
    }
}
