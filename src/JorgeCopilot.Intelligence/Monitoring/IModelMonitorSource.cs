namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>What a task gives the shared monitoring: its training distribution per version, and its observed outcomes.</summary>
public interface IModelMonitorSource
{
    string Task { get; }

    /// <summary>Training-data bins per feature of that version (in feature-vector order), or null if it has none.</summary>
    Task<IReadOnlyList<FeatureBins>?> ReferenceAsync(int version, CancellationToken cancellationToken);

    /// <summary>Observed outcomes by subject id (as logged in the prediction log).</summary>
    Task<IReadOnlyDictionary<string, bool>> OutcomesAsync(CancellationToken cancellationToken);
}
