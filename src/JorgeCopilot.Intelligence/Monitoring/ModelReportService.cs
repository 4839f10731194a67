using JorgeCopilot.Intelligence.Registry;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>The performance report of a task: versions and their held-out metrics over time, drift of the champion, live accuracy.</summary>
public sealed class ModelReportService(IModelRegistry registry, ModelMonitor monitor, IEnumerable<IModelMonitorSource> sources, PredictionLogger predictionLog)
{
    public const int DriftWindow = 1000;

    /// <summary>How long a report waits for this process's queued prediction rows to be saved before reading the log.</summary>
    private static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(2);

    public async Task<ModelReport?> ReportAsync(string task, CancellationToken cancellationToken)
    {
        var versions = await registry.ListAsync(task, cancellationToken);
        var source = sources.FirstOrDefault(s => string.Equals(s.Task, task, StringComparison.Ordinal));
        if (versions.Count == 0 && source is null)
        {
            return null;
        }

        var champion = versions.FirstOrDefault(v => v.IsChampion);
        DriftReport? drift = null;
        LiveAccuracy? live = null;
        if (champion is not null && source is not null)
        {
            // Predictions are logged in batches by a background writer: without this, a report asked for right after a
            // burst of scores would miss the rows still queued (drift and live accuracy on a partial sample).
            using (var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                flush.CancelAfter(FlushWait);
                try
                {
                    await predictionLog.FlushAsync(flush.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The store is slow or down: report on what is saved rather than hang the request.
                }
            }

            var reference = await source.ReferenceAsync(champion.Version, cancellationToken);
            if (reference is not null)
            {
                drift = await monitor.DriftAsync(task, champion.Version, reference, DriftWindow, cancellationToken);
            }

            live = await monitor.AccuracyAsync(task, await source.OutcomesAsync(cancellationToken), cancellationToken);
        }

        var history = versions.OrderBy(v => v.TrainedAt).Select(v => new MetricPoint(v.Version, v.TrainedAt, v.Metrics)).ToList();
        return new ModelReport(task, champion?.Version, versions, history, drift, live);
    }
}

public sealed record ModelReport(
    string Task,
    int? ChampionVersion,
    IReadOnlyList<ModelVersionSummary> Versions,
    IReadOnlyList<MetricPoint> MetricsOverTime,
    DriftReport? Drift,
    LiveAccuracy? LiveAccuracy);

public sealed record MetricPoint(int Version, DateTime TrainedAt, IReadOnlyDictionary<string, double> Metrics);
