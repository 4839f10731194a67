using System.Collections.Concurrent;
using System.Globalization;
using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Exemplars through the Conversations capability's retrieval: one hybrid search over the objection turns of won
/// conversations (each paired with the reply that followed), so the winning replies come from situations like the
/// lead's; a hit counts for every strategy its turn or reply is annotated with. One search serves the whole set: a
/// search per strategy would multiply the latency by the number of variants. Results are kept per situation for as
/// long as the indexer itself goes without looking at the store (<see cref="ConversationIndexer.CheckInterval"/>), so a
/// cached answer is never staler than a fresh search could be; leads without messages share a handful of situations.
/// </summary>
public sealed class RetrievedExemplarSource(IConversationSearch search, TimeProvider clock) : IExemplarSource
{
    /// <summary>Shortlist size: enough won turns that every strategy usually gets its exemplars from one search.</summary>
    public const int Candidates = 24;

    private const int MaxCachedSituations = 4_096;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<ConversationHit> Hits)> _recent = new(StringComparer.Ordinal);

    private static readonly ConversationFilter WonTurns = new(Outcome: Outcomes.Won, Kind: ConversationKinds.Turn);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Exemplar>>> WinningTurnsAsync(ExemplarQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var byStrategy = query.Strategies.Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => new List<Exemplar>(), StringComparer.Ordinal);
        foreach (var hit in await HitsAsync(query.Situation, cancellationToken))
        {
            foreach (var label in hit.Strategies)
            {
                if (StrategyLabels.StrategyOf(label) is { } strategy && byStrategy.TryGetValue(strategy, out var list)
                    && list.Count < query.PerStrategy && !list.Exists(e => e.ConversationId == hit.ExternalId && e.Corpus == hit.Corpus))
                {
                    list.Add(new Exemplar(hit.Corpus, hit.ExternalId, TurnIndex(hit.Key), label, hit.Response ?? hit.Text, hit.OutcomeValue, hit.Text, hit.Score));
                }
            }
        }

        return byStrategy.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Exemplar>)kv.Value, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<ConversationHit>> HitsAsync(string situation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_recent.TryGetValue(situation, out var kept) && now - kept.At < ConversationIndexer.CheckInterval)
        {
            return kept.Hits;
        }

        var result = await search.SearchAsync(new ConversationQuery(situation, WonTurns, Candidates), cancellationToken);
        if (_recent.Count >= MaxCachedSituations)
        {
            _recent.Clear();
        }

        _recent[situation] = (now, result.Hits);
        return result.Hits;
    }

    // Turn keys are "<corpus>/<external id>#<turn index>" (ConversationDocuments).
    private static int TurnIndex(string key)
    {
        var hash = key.LastIndexOf('#');
        return hash >= 0 && int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;
    }
}
