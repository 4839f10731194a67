using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Keeps the vector collection in step with the store's conversations. The embedding is fitted once on the store's
/// corpus and kept in the model registry (task <c>conversation-index</c>); later imports are embedded with it and only
/// new or changed items are written (each item carries a fingerprint of its content and the embedding version), removed
/// conversations are deleted. When the corpus has grown by more than a quarter since the fit, or on
/// <c>jorge train conversation-index</c>, the embedding is refitted and everything re-embedded. A fit takes its ranking
/// parameters from <see cref="RankingChoiceFile"/> (the defaults without bundled data), so they travel with the model.
/// </summary>
public sealed partial class ConversationIndexer(IDbContextFactory<JorgeDbContext> contexts, IModelRegistry registry,
    VectorStoreCollection<string, ConversationVector> collection, TimeProvider time, ILogger<ConversationIndexer> logger,
    DataLocator? data = null) : IModelTrainer
{
    /// <summary>How often a search checks whether the store's conversations or the registered embedding changed.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>The corpus may grow to this multiple of what the embedding was fitted on before it is refitted.</summary>
    public const double RefitGrowth = 1.25;

    private readonly SemaphoreSlim gate = new(1, 1);
    private State? state;
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

    public string Task => ConversationIndexModel.Task;

    public string Description => "Fit the conversation embedding (TF-IDF word + character n-grams, BM25 statistics) and re-index every conversation";

    /// <summary>The current model, indexing first when the store changed since the last look; null when the store has no conversations.</summary>
    public async Task<ConversationIndexModel?> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (state is { } s && now - checkedAt < CheckInterval)
        {
            return s.Model;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var signature = await SignatureAsync(cancellationToken);
            var champion = await registry.GetChampionSummaryAsync(Task, cancellationToken);
            if (state is not { } current || current.Signature != signature || current.ModelVersion != champion?.Version)
            {
                await IndexLockedAsync(refit: false, cancellationToken);
                state = state! with { Signature = signature };
            }

            checkedAt = now;
            return state!.Model;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var report = await IndexLockedAsync(refit: true, cancellationToken);
            checkedAt = DateTimeOffset.MinValue;
            var metrics = new Dictionary<string, double> { ["documents"] = report.Documents, ["written"] = report.Written, ["deleted"] = report.Deleted };
            return new TrainingOutcome(Task, state?.ModelVersion ?? 0, report.Version, metrics, true,
                $"{report.Documents} items indexed, {report.Written} written, {report.Deleted} removed");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Brings the index up to date now (after an import, or at start).</summary>
    public async Task<IndexReport> IndexAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var report = await IndexLockedAsync(refit: false, cancellationToken);
            checkedAt = DateTimeOffset.MinValue;
            return report;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IndexReport> IndexLockedAsync(bool refit, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var signature = await SignatureAsync(cancellationToken);
        List<ConversationVector> documents;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var conversations = await db.Conversations.AsNoTracking().Include(c => c.Turns).AsSplitQuery().ToListAsync(cancellationToken);
            documents = conversations.SelectMany(ConversationDocuments.For).ToList();
        }

        var (model, modelVersion) = refit ? (null, 0) : await LoadModelAsync(cancellationToken);
        if (model is not null && documents.Count > model.Embedding.Documents * RefitGrowth)
        {
            // Words first seen after the fit have no IDF, so vectors cannot see them (only BM25 can): once the corpus
            // has grown this much, refit and re-embed instead of appending.
            model = null;
        }

        if (model is null)
        {
            if (documents.Count == 0)
            {
                state = new State(null, 0, signature);
                return new IndexReport(0, 0, 0, "none");
            }

            model = ConversationIndexModel.Fit(documents.Select(d => d.Text).ToList(), data is null ? null : RankingChoiceFile.Load(data));
            var champion = await registry.GetChampionSummaryAsync(Task, cancellationToken);
            var registration = await registry.RegisterAsync(new ModelCandidate(Task, model.Version, null, null,
                    $"{documents.Count} conversations and turns from the store",
                    new Dictionary<string, double> { ["documents"] = model.Embedding.Documents, ["features"] = model.Embedding.Features },
                    "{}", model.ToBytes()),
                new ChampionComparison("documents", true, model.Embedding.Documents, null, champion?.Version), cancellationToken);
            modelVersion = registration.Version.Version;
        }

        await collection.EnsureCollectionExistsAsync(cancellationToken);
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var record in collection.GetAsync(r => true, int.MaxValue, cancellationToken: cancellationToken))
        {
            existing[record.Key] = record.Fingerprint;
        }

        var changed = new List<ConversationVector>();
        foreach (var document in documents)
        {
            document.Fingerprint = $"{document.Fingerprint}:{model.Version}";
            if (!existing.TryGetValue(document.Key, out var fingerprint) || fingerprint != document.Fingerprint)
            {
                document.Vector = model.Embedding.Embed(document.Text);
                changed.Add(document);
            }
        }

        var keys = documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Keys.Where(k => !keys.Contains(k)).ToList();
        if (changed.Count > 0)
        {
            await collection.UpsertAsync(changed, cancellationToken);
        }

        if (removed.Count > 0)
        {
            await collection.DeleteAsync(removed, cancellationToken);
        }

        state = new State(model, modelVersion, signature);
        LogIndexed(logger, documents.Count, changed.Count, removed.Count, model.Version, time.GetElapsedTime(started).TotalMilliseconds);
        return new IndexReport(documents.Count, changed.Count, removed.Count, model.Version);
    }

    private async Task<(ConversationIndexModel? Model, int Version)> LoadModelAsync(CancellationToken cancellationToken)
    {
        var champion = await registry.GetChampionSummaryAsync(Task, cancellationToken);
        if (champion is null)
        {
            return (null, 0);
        }

        if (state is { Model: { } loaded } s && s.ModelVersion == champion.Version)
        {
            return (loaded, s.ModelVersion);
        }

        var version = await registry.GetAsync(Task, champion.Version, cancellationToken);
        return version is null ? (null, 0) : (ConversationIndexModel.FromBytes(version.ModelBytes), champion.Version);
    }

    private async Task<(int Conversations, long MaxId, int Turns)> SignatureAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Conversations.CountAsync(cancellationToken);
        var maxId = await db.Conversations.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var turns = await db.ConversationTurns.CountAsync(cancellationToken);
        return (conversations, maxId, turns);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Documents} conversation items ({Written} written, {Removed} removed) with {EmbeddingVersion} in {Elapsed} ms")]
    private static partial void LogIndexed(ILogger logger, int documents, int written, int removed, string embeddingVersion, double elapsed);

    private sealed record State(ConversationIndexModel? Model, int ModelVersion, (int, long, int) Signature);
}

public sealed record IndexReport(int Documents, int Written, int Deleted, string Version);
