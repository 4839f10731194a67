using JorgeCopilot.Core.Models;

namespace JorgeCopilot.Intelligence.Registry;

/// <summary>
/// The model registry in the store, shared by every task (lead scoring, pricing, forecasting, ...). Each training run
/// registers a version; a challenger becomes champion only when it beats the champion on the same held-out data
/// (the trainer measures both and passes the comparison).
/// </summary>
public interface IModelRegistry
{
    Task<ModelRegistration> RegisterAsync(ModelCandidate candidate, ChampionComparison comparison, CancellationToken cancellationToken);

    /// <summary>The champion's identity (no bytes), cheap enough to check on every request.</summary>
    Task<ModelVersionSummary?> GetChampionSummaryAsync(string task, CancellationToken cancellationToken);

    /// <summary>A version with its bytes.</summary>
    Task<ModelVersion?> GetAsync(string task, int version, CancellationToken cancellationToken);

    /// <summary>Every version (no bytes), newest first; all tasks when <paramref name="task"/> is null.</summary>
    Task<IReadOnlyList<ModelVersionSummary>> ListAsync(string? task, CancellationToken cancellationToken);
}

/// <summary>A trained model about to be registered.</summary>
public sealed record ModelCandidate(
    string Task,
    string Algorithm,
    DateTime? DataWindowStart,
    DateTime? DataWindowEnd,
    string DataDescription,
    IReadOnlyDictionary<string, double> Metrics,
    string SchemaJson,
    byte[] Bytes);

/// <summary>
/// Challenger against champion on the same held-out rows. <paramref name="Champion"/> is null when there is no champion
/// or it cannot score these rows (then the challenger wins).
/// </summary>
public sealed record ChampionComparison(string Metric, bool HigherIsBetter, double Challenger, double? Champion, int? ChampionVersion)
{
    public bool ChallengerWins => Champion is not { } champion || double.IsNaN(champion)
        || (HigherIsBetter ? Challenger > champion : Challenger < champion);
}

public sealed record ModelRegistration(ModelVersionSummary Version, bool Promoted, string Reason);

/// <summary>A registry row without its bytes.</summary>
public sealed record ModelVersionSummary(
    long Id,
    string Task,
    int Version,
    DateTime TrainedAt,
    string Algorithm,
    DateTime? DataWindowStart,
    DateTime? DataWindowEnd,
    string DataDescription,
    IReadOnlyDictionary<string, double> Metrics,
    bool IsChampion,
    int SizeBytes);
