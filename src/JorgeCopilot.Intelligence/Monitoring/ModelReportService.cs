using JorgeCopilot.Intelligence.Registry;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>The performance report of a task: versions and their held-out metrics over time, drift of the champion, live accuracy.</summary>
public sealed class ModelReportService(IModelRegistry registry, ModelMonitor monitor, IEnumerable<IModelMonitorSource> sources)
{
    public const int DriftWindow = 1000;

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
