using System.Globalization;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>Lead scoring's part of the shared monitoring: training bins from the model artifact, outcomes from lead_outcomes.</summary>
public sealed class LeadScoringMonitorSource(IModelRegistry registry, IDbContextFactory<JorgeDbContext> contexts) : IModelMonitorSource
{
    public string Task => LeadScoringTrainer.TaskName;

    public async Task<IReadOnlyList<FeatureBins>?> ReferenceAsync(int version, CancellationToken cancellationToken)
    {
        var stored = await registry.GetAsync(Task, version, cancellationToken);
        return stored is null ? null : LeadScoringModel.Load(stored.ModelBytes).Artifact.Drift;
    }

    public async Task<IReadOnlyDictionary<string, bool>> OutcomesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var loggedSubjects = db.PredictionLog.Where(p => p.Task == LeadScoringTrainer.TaskName).Select(p => p.SubjectId);
        var rows = await db.LeadOutcomes.AsNoTracking()
            .Where(o => loggedSubjects.Contains(o.LeadId.ToString()))
            .Select(o => new { o.LeadId, o.Converted })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.LeadId).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Any(r => r.Converted));
    }
}
