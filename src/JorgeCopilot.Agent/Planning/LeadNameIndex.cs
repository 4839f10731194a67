using System.Collections.Frozen;

namespace JorgeCopilot.Agent.Planning;

/// <summary>A lead as the planner names it in a question ("Ana Garcia (lead 12)").</summary>
public sealed record LeadRef(long Id, string Name);

/// <summary>
/// In-memory index of lead names for fast, typo-tolerant lookup: every name token maps to the leads carrying it.
/// Built from the store (and rebuilt when stale) or from an eval fixture.
/// </summary>
public sealed class LeadNameIndex
{
    private readonly FrozenDictionary<long, LeadRef> _byId;
    private readonly FrozenDictionary<string, long[]> _byToken;
    private readonly string[] _tokens;

    public LeadNameIndex(IEnumerable<LeadRef> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var byId = new Dictionary<long, LeadRef>();
        var byToken = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var lead in leads)
        {
            byId[lead.Id] = lead;
            foreach (var token in NameTokens(lead.Name))
            {
                if (!byToken.TryGetValue(token, out var ids))
                {
                    byToken[token] = ids = [];
                }

                ids.Add(lead.Id);
            }
        }

        _byId = byId.ToFrozenDictionary();
        _byToken = byToken.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Distinct().Order().ToArray(), StringComparer.Ordinal);
        _tokens = [.. _byToken.Keys];
    }

    public static LeadNameIndex Empty { get; } = new([]);

    public int Count => _byId.Count;

    public LeadRef? Find(long id) => _byId.GetValueOrDefault(id);

    public bool IsNameToken(string word) => _byToken.ContainsKey(word);

    /// <summary>
    /// Leads whose names match the given words (exact token, else within one typo; two for long words). Words that
    /// match no name are ignored; the candidate set is the intersection over the words that matched.
    /// </summary>
    public LeadNameMatch Match(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        HashSet<long>? current = null;
        var matched = new List<string>();
        // Exact token matches lead; a typo match only narrows them, never overrides one ("hana schmidt" stays Schmidt).
        var hits = words.Distinct(StringComparer.Ordinal)
            .Select(w => (Word: w, Exact: _byToken.ContainsKey(w), Ids: IdsFor(w)))
            .Where(h => h.Ids.Count > 0)
            .OrderByDescending(h => h.Exact)
            .ToList();
        foreach (var (word, _, ids) in hits)
        {
            matched.Add(word);
            if (current is null)
            {
                current = [.. ids];
                continue;
            }

            var narrowed = new HashSet<long>(current);
            narrowed.IntersectWith(ids);
            if (narrowed.Count > 0)
            {
                current = narrowed;
            }
        }

        var candidates = current is null ? [] : current.Order().Select(id => _byId[id]).ToList();
        return new LeadNameMatch(candidates, matched);
    }

    private List<long> IdsFor(string word)
    {
        if (word.Length < 2)
        {
            return [];
        }

        if (_byToken.TryGetValue(word, out var exact))
        {
            return [.. exact];
        }

        if (word.Length < 4)
        {
            return [];
        }

        var budget = word.Length >= 7 ? 2 : 1;
        var best = int.MaxValue;
        var result = new List<long>();
        foreach (var token in _tokens)
        {
            if (Math.Abs(token.Length - word.Length) > budget)
            {
                continue;
            }

            var d = EditDistance.DamerauLevenshtein(word, token, budget);
            if (d > budget || d > best)
            {
                continue;
            }

            if (d < best)
            {
                best = d;
                result.Clear();
            }

            result.AddRange(_byToken[token]);
        }

        return result;
    }

    internal static IEnumerable<string> NameTokens(string name) =>
        name.ToLowerInvariant().Split([' ', '-', '.', ',', '\''], StringSplitOptions.RemoveEmptyEntries).Where(t => t.Length >= 2);
}

public sealed record LeadNameMatch(IReadOnlyList<LeadRef> Candidates, IReadOnlyList<string> MatchedWords);
