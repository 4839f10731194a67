using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Exemplars from the conversations in the store: annotated turns of conversations that succeeded, best outcome first.
/// Labels are a JSON column, so the annotated turns are read once and kept (a read-only cache of corpus data, which
/// every replica can rebuild; it is refreshed when it was empty, so a store seeded after start is picked up).
/// </summary>
public sealed class StoreExemplarSource(JorgeDbContextFactory contexts) : IExemplarSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<string, List<Exemplar>>? _byStrategy;

    public async Task<IReadOnlyList<Exemplar>> WinningTurnsAsync(string strategy, int count, CancellationToken cancellationToken)
    {
        var index = await IndexAsync(cancellationToken);
        return index.TryGetValue(strategy, out var list) ? list.Take(count).ToList() : [];
    }

    private async Task<IReadOnlyDictionary<string, List<Exemplar>>> IndexAsync(CancellationToken cancellationToken)
    {
        if (_byStrategy is { Count: > 0 } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_byStrategy is { Count: > 0 } built)
            {
                return built;
            }

            await using var db = contexts.CreateDbContext();
            var rows = await db.ConversationTurns.AsNoTracking()
                .Where(t => t.Conversation!.Succeeded == true)
                .Select(t => new { t.Conversation!.Corpus, t.Conversation.ExternalId, t.Conversation.OutcomeValue, t.Index, t.Text, t.Labels })
                .ToListAsync(cancellationToken);
            var index = new Dictionary<string, List<Exemplar>>(StringComparer.Ordinal);
            foreach (var row in rows.Where(r => r.Labels.Count > 0))
            {
                foreach (var label in row.Labels)
                {
                    if (StrategyLabels.StrategyOf(label) is { } strategy)
                    {
                        if (!index.TryGetValue(strategy, out var list))
                        {
                            index[strategy] = list = [];
                        }

                        list.Add(new Exemplar(row.Corpus, row.ExternalId, row.Index, label, row.Text, row.OutcomeValue));
                    }
                }
            }

            // Outcome scales differ by corpus (dollars donated, negotiation points): rank within a corpus, then interleave.
            _byStrategy = index.ToDictionary(kv => kv.Key, kv => Interleave(kv.Value), StringComparer.Ordinal);
            return _byStrategy;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static List<Exemplar> Interleave(List<Exemplar> exemplars)
    {
        var queues = exemplars.GroupBy(e => e.Corpus, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<Exemplar>(g.OrderByDescending(e => e.OutcomeValue ?? 0).ThenBy(e => e.ConversationId, StringComparer.Ordinal).ThenBy(e => e.TurnIndex)))
            .ToList();
        var result = new List<Exemplar>(exemplars.Count);
        while (queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                result.Add(queue.Dequeue());
            }
        }

        return result;
    }
}
