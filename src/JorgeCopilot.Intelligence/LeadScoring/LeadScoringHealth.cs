using System.Globalization;
using JorgeCopilot.Core.Health;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Lead scoring's part of <c>/health</c>: healthy when the champion loads; degraded when none has been trained yet (the
/// rest of the copilot works and says so when asked to rank); unhealthy when the champion's bytes cannot be loaded,
/// because every scoring request would then fail. Loading goes through the service's cache, so repeated probes are a
/// single registry query.
/// </summary>
public sealed class LeadScoringHealth(LeadScoringService scoring) : IHealthContributor
{
    public string Name => LeadScoringTrainer.TaskName;

    public async Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        (int Version, LeadScoringModel Model)? champion;
        try
        {
            champion = await scoring.ChampionAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return HealthContribution.Unhealthy($"The champion model cannot be loaded ({ex.Message}); run `jorge train lead-scoring`.");
        }

        if (champion is not { } loaded)
        {
            return HealthContribution.Degraded("No lead-scoring model trained yet; run `jorge train lead-scoring`.");
        }

        var artifact = loaded.Model.Artifact;
        return HealthContribution.Healthy(
            string.Create(CultureInfo.InvariantCulture, $"champion v{loaded.Version} loaded ({artifact.Algorithm}, {artifact.TrainingRows} training leads)"),
            new Dictionary<string, object> { ["version"] = loaded.Version, ["algorithm"] = artifact.Algorithm });
    }
}
