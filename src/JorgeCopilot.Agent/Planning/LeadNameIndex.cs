using System.Collections.Frozen;

namespace JorgeCopilot.Agent.Planning;

/// <summary>A lead as the planner names it in a question ("Ana Garcia (lead 12)").</summary>
/// <param name="IsDemo">A demo workspace lead: when Jorge's own lead shares the name, his own is meant.</param>
public sealed record LeadRef(long Id, string Name, bool IsDemo = false);

/// <summary>
/// In-memory index of lead names for fast, typo-tolerant lookup: every name token (digits included: "Visitor 6506")
/// maps to the leads carrying it, and every external id (the CRM's contact id) to its leads, exactly. Built from the
/// store (and rebuilt when stale) or from an eval fixture.
/// </summary>
public sealed class LeadNameIndex
{
    private readonly FrozenDictionary<long, LeadRef> _byId;
    private readonly FrozenDictionary<string, long[]> _byToken;
    private readonly string[] _tokens;
    private readonly FrozenDictionary<string, long[]> _byExternalId;

    /// <param name="externalIds">External id → lead id pairs (matched whole and case-insensitively, never by typo).</param>
    public LeadNameIndex(IEnumerable<LeadRef> leads, IEnumerable<KeyValuePair<string, long>>? externalIds = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        _byExternalId = (externalIds ?? []).Where(p => p.Key.Length >= 4)
            .GroupBy(p => p.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Value).Distinct().Order().ToArray(), StringComparer.Ordinal);
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

    /// <summary>The word (lower case) is some lead's external id.</summary>
    public bool IsExternalId(string word) => _byExternalId.ContainsKey(word);

    /// <summary>
    /// Leads whose names match the given words (exact token, else within one typo; two for long words). Words that
    /// match no name are ignored; the candidate set is the intersection over the words that matched. An external id
    /// decides alone. When demo leads and Jorge's own leads both match, only his own are candidates.
    /// </summary>
    public LeadNameMatch Match(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var list = words.Distinct(StringComparer.Ordinal).ToList();
        if (list.FirstOrDefault(_byExternalId.ContainsKey) is { } externalId)
        {
            return new LeadNameMatch(PreferOwn(_byExternalId[externalId].Where(_byId.ContainsKey).Select(id => _byId[id])), [externalId]);
        }

        HashSet<long>? current = null;
        var matched = new List<string>();
        // Exact token matches lead; a typo match only narrows them, never overrides one ("hana schmidt" stays Schmidt).
        var hits = list
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

        var candidates = current is null ? [] : PreferOwn(current.Order().Select(id => _byId[id]));
        return new LeadNameMatch(candidates, matched);
    }

    /// <summary>Jorge's own leads when any match; the demo workspace's only when none of his does.</summary>
    private static List<LeadRef> PreferOwn(IEnumerable<LeadRef> leads)
    {
        var all = leads.ToList();
        var own = all.Where(l => !l.IsDemo).ToList();
        return own.Count > 0 ? own : all;
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
