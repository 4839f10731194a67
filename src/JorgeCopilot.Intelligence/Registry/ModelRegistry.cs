using System.Text.Json;
using JorgeCopilot.Core.Models;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.Registry;

/// <summary><see cref="IModelRegistry"/> over <see cref="JorgeDbContext"/>; promotion happens in one transaction.</summary>
public sealed class ModelRegistry(IDbContextFactory<JorgeDbContext> contexts, TimeProvider clock, ILogger<ModelRegistry> logger) : IModelRegistry
{
    /// <summary>
    /// Every score and valuation asks which version is champion; under load that question was a query per request.
    /// The answer is kept this long; a registration in this process clears it at once, one in another process is seen
    /// within this time.
    /// </summary>
    public static readonly TimeSpan ChampionCacheLifetime = TimeSpan.FromSeconds(2);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset At, ModelVersionSummary? Summary)> _champions = new(StringComparer.Ordinal);

    public async Task<ModelRegistration> RegisterAsync(ModelCandidate candidate, ChampionComparison comparison, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(comparison);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var last = await db.ModelVersions.Where(m => m.Task == candidate.Task).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0;
        var champion = await db.ModelVersions.Where(m => m.Task == candidate.Task && m.IsChampion).FirstOrDefaultAsync(cancellationToken);

        // A comparison against a version that is no longer champion is stale: let the caller's numbers stand only if they match.
        var stale = champion is not null && comparison.ChampionVersion != champion.Version;
        var promote = !stale && comparison.ChallengerWins;
        // JSON has no NaN; a metric that could not be computed is left out rather than stored as a fake number.
        var metrics = candidate.Metrics.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value);
        if (comparison.Champion is { } championMetric)
        {
            metrics[$"champion_{comparison.Metric}"] = championMetric;
        }

        var entity = new ModelVersion
        {
            Task = candidate.Task,
            Version = last + 1,
            TrainedAt = clock.GetUtcNow().UtcDateTime,
            Algorithm = candidate.Algorithm,
            DataWindowStart = candidate.DataWindowStart,
            DataWindowEnd = candidate.DataWindowEnd,
            DataDescription = candidate.DataDescription,
            MetricsJson = JsonSerializer.Serialize(metrics),
            SchemaJson = candidate.SchemaJson,
            ModelBytes = candidate.Bytes,
            IsChampion = promote,
        };
        if (promote && champion is not null)
        {
            champion.IsChampion = false;
            await db.SaveChangesAsync(cancellationToken); // clear first: at most one champion per task at any moment
        }

        db.ModelVersions.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _champions.TryRemove(candidate.Task, out _);

        var reason = stale
            ? $"the champion changed to v{champion!.Version} during training; v{entity.Version} stays a challenger"
            : champion is null ? "first model for this task"
            : comparison.Champion is null ? $"champion v{champion.Version} could not score the held-out rows"
            : promote
                ? $"{comparison.Metric} {comparison.Challenger:0.0000} beats champion v{champion.Version}'s {comparison.Champion:0.0000} on the same held-out rows"
                : $"{comparison.Metric} {comparison.Challenger:0.0000} does not beat champion v{champion.Version}'s {comparison.Champion:0.0000} on the same held-out rows";
        logger.LogInformation("Registered {Task} v{Version} ({Algorithm}); promoted: {Promoted}", entity.Task, entity.Version, entity.Algorithm, promote);
        return new ModelRegistration(Summarise(entity), promote, reason);
    }

    public async Task<ModelVersionSummary?> GetChampionSummaryAsync(string task, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_champions.TryGetValue(task, out var cached) && now - cached.At < ChampionCacheLifetime)
        {
            return cached.Summary;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Project(db.ModelVersions.Where(m => m.Task == task && m.IsChampion)).FirstOrDefaultAsync(cancellationToken);
        var summary = row?.ToSummary();
        _champions[task] = (now, summary);
        return summary;
    }

    public async Task<ModelVersion?> GetAsync(string task, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.Task == task && m.Version == version, cancellationToken);
    }

    public async Task<IReadOnlyList<ModelVersionSummary>> ListAsync(string? task, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ModelVersions.AsQueryable();
        if (task is not null)
        {
            query = query.Where(m => m.Task == task);
        }

        var rows = await Project(query).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToSummary()).OrderBy(r => r.Task, StringComparer.Ordinal).ThenByDescending(r => r.Version).ToList();
    }

    private static IQueryable<Row> Project(IQueryable<ModelVersion> query) => query.AsNoTracking().Select(m => new Row(
        m.Id, m.Task, m.Version, m.TrainedAt, m.Algorithm, m.DataWindowStart, m.DataWindowEnd, m.DataDescription, m.MetricsJson, m.IsChampion,
        m.ModelBytes.Length));

    private static ModelVersionSummary Summarise(ModelVersion m) => new Row(
        m.Id, m.Task, m.Version, m.TrainedAt, m.Algorithm, m.DataWindowStart, m.DataWindowEnd, m.DataDescription, m.MetricsJson, m.IsChampion,
        m.ModelBytes.Length).ToSummary();

    private sealed record Row(long Id, string Task, int Version, DateTime TrainedAt, string Algorithm, DateTime? Start, DateTime? End,
        string Description, string MetricsJson, bool IsChampion, int Size)
    {
        public ModelVersionSummary ToSummary() => new(Id, Task, Version, DateTime.SpecifyKind(TrainedAt, DateTimeKind.Utc), Algorithm, Start, End,
            Description, JsonSerializer.Deserialize<Dictionary<string, double>>(MetricsJson) ?? [], IsChampion, Size);
    }
}
