using System.Text.Json;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>
/// Drift and live accuracy for any task, from the prediction log: PSI per feature between the model's training
/// distribution and recent scoring traffic, and how logged predictions fared against outcomes recorded since.
/// </summary>
public sealed class ModelMonitor(IDbContextFactory<JorgeDbContext> contexts)
{
    /// <summary>Fewer recent predictions than this and PSI is noise; the report says so instead of flagging.</summary>
    public const int MinimumSample = 50;

    public async Task<DriftReport> DriftAsync(string task, int version, IReadOnlyList<FeatureBins> reference, int recent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PredictionLog.AsNoTracking()
            .Where(p => p.Task == task && p.ModelVersion == version)
            .OrderByDescending(p => p.Id).Take(recent)
            .Select(p => p.FeaturesJson).ToListAsync(cancellationToken);
        var vectors = rows.Select(r => JsonSerializer.Deserialize<float[]>(r) ?? []).Where(v => v.Length == reference.Count).ToList();
        return Drift(reference, vectors);
    }

    public static DriftReport Drift(IReadOnlyList<FeatureBins> reference, IReadOnlyList<float[]> recent)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(recent);
        if (recent.Count < MinimumSample)
        {
            return new DriftReport(recent.Count, [], false, $"only {recent.Count} logged predictions (need {MinimumSample}) — drift not assessed");
        }

        var features = reference.Select((bins, j) =>
        {
            var actual = PopulationStability.Proportions(bins.Edges, recent.Select(v => v[j]));
            var psi = PopulationStability.Index(bins.Proportions, actual);
            return new FeatureDrift(bins.Feature, Math.Round(psi, 4), PopulationStability.Band(psi));
        }).OrderByDescending(f => f.Psi).ToList();
        var retrain = features.Any(f => f.Psi >= PopulationStability.SignificantShift);
        var moderate = features.Count(f => f.Psi >= PopulationStability.ModerateShift);
        return new DriftReport(recent.Count, features, retrain,
            retrain ? $"significant shift (PSI ≥ {PopulationStability.SignificantShift}) in {features.Count(f => f.Psi >= PopulationStability.SignificantShift)} feature(s): retrain"
            : moderate > 0 ? $"moderate shift in {moderate} feature(s): watch" : "stable");
    }

    /// <summary>
    /// Logged predictions (latest per subject) joined with the outcomes recorded for those subjects: how accurate the
    /// served model has been. <paramref name="outcomes"/> maps subject id → observed outcome.
    /// </summary>
    public async Task<LiveAccuracy> AccuracyAsync(string task, IReadOnlyDictionary<string, bool> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subjects = outcomes.Keys.ToList();
        var logged = await db.PredictionLog.AsNoTracking()
            .Where(p => p.Task == task && subjects.Contains(p.SubjectId))
            .Select(p => new { p.Id, p.SubjectId, p.Prediction, p.Low, p.High })
            .ToListAsync(cancellationToken);
        var latest = logged.GroupBy(p => p.SubjectId).Select(g => g.MaxBy(p => p.Id)!).ToList();
        if (latest.Count == 0)
        {
            return new LiveAccuracy(0, null, null, null, null, null);
        }

        var p = latest.Select(l => l.Prediction).ToArray();
        var y = latest.Select(l => outcomes[l.SubjectId]).ToArray();
        var auc = BinaryMetrics.Auc(p, y);
        return new LiveAccuracy(latest.Count, double.IsNaN(auc) ? null : auc, BinaryMetrics.Brier(p, y), BinaryMetrics.Accuracy(p, y),
            p.Average(), y.Count(v => v) / (double)y.Length);
    }
}

public sealed record FeatureDrift(string Feature, double Psi, string Band);

/// <param name="Sample">Logged predictions compared with the training distribution.</param>
/// <param name="RetrainRecommended">True when any feature's PSI reaches 0.25.</param>
public sealed record DriftReport(int Sample, IReadOnlyList<FeatureDrift> Features, bool RetrainRecommended, string Summary);

/// <param name="Matched">Logged predictions whose subject now has an outcome.</param>
/// <param name="MeanPredicted">Mean predicted probability of the matched subjects; next to <paramref name="ObservedRate"/> it shows calibration.</param>
public sealed record LiveAccuracy(int Matched, double? Auc, double? Brier, double? Accuracy, double? MeanPredicted, double? ObservedRate);
