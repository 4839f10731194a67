using JorgeCopilot.Core.Data;

namespace JorgeCopilot.Intelligence.Registry;

/// <summary>
/// One trainer per model task ("lead-scoring", "pricing", ...). <c>jorge train &lt;task&gt;</c> and the weekly retraining
/// job find trainers through DI and call this; the trainer measures on held-out data and hands the result to the registry.
/// </summary>
public interface IModelTrainer
{
    /// <summary>The task name; also the <c>jorge train</c> sub-command.</summary>
    string Task { get; }

    /// <summary>One line for <c>jorge train --help</c>.</summary>
    string Description { get; }

    Task<TrainingOutcome> TrainAsync(TrainingRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}

/// <param name="DataPath">Train on this export instead of the store (with <paramref name="MapPath"/> describing its columns).</param>
/// <param name="MapPath">Mapping file (JSON or YAML) for <paramref name="DataPath"/>.</param>
/// <param name="Promote">
/// A model trained on an export is registered under the export's own name (its own champion line); with Promote it
/// competes for the task's main line (the one that serves the store) when its features match the store's data.
/// </param>
public sealed record TrainingRequest(string? DataPath = null, string? MapPath = null, bool Promote = false);

/// <summary>What a training run produced and whether it became the champion.</summary>
public sealed record TrainingOutcome(string Task, int Version, string Algorithm, IReadOnlyDictionary<string, double> Metrics, bool PromotedToChampion, string Reason);
