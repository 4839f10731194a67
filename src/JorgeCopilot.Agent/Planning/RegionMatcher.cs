using Microsoft.Extensions.Options;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// Finds the market region a message names ("seattle" → "Seattle, WA"). A place name shared by several regions
/// resolves to Jorge's home market side: the home state first, then the configured nearby states, so "and
/// Portland?" from a Seattle agent means Portland, OR.
/// </summary>
public sealed class RegionMatcher(IOptions<CopilotOptions> options)
{
    public (string? Region, HashSet<string> Words) Find(IReadOnlyList<string> words, IReadOnlyList<string> regions)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(regions);
        var text = " " + string.Join(' ', words) + " ";
        var matches = new List<(string Region, IReadOnlyList<string> Words)>();
        foreach (var region in regions)
        {
            var city = region.Split(',')[0].Trim().ToLowerInvariant();
            if (city.Length < 3)
            {
                continue;
            }

            var cityWords = SlotExtractor.Tokenize(city);
            if (cityWords.Count > 0 && text.Contains(" " + string.Join(' ', cityWords) + " ", StringComparison.Ordinal))
            {
                matches.Add((region, cityWords));
            }
        }

        if (matches.Count == 0)
        {
            return (null, []);
        }

        // The longest place name wins ("west palm beach" over "palm beach"), then a metro with a state over a bare name,
        // then the state nearest home.
        var best = matches
            .OrderByDescending(m => m.Words.Count)
            .ThenByDescending(m => m.Region.Contains(',', StringComparison.Ordinal))
            .ThenBy(m => StatePreference(StateOf(m.Region)))
            .ThenBy(m => m.Region, StringComparer.Ordinal)
            .First();
        return (best.Region, [.. best.Words]);
    }

    /// <summary>"Seattle, WA" → "WA"; multi-state metros ("Portland, OR-WA" style names) count under their first state.</summary>
    public static string? StateOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var comma = region.LastIndexOf(',');
        return comma < 0 ? null : region[(comma + 1)..].Trim().Split('-')[0].ToUpperInvariant();
    }

    private int StatePreference(string? state)
    {
        if (state is null)
        {
            return int.MaxValue;
        }

        if (string.Equals(state, StateOf(options.Value.HomeMarket), StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var nearby = options.Value.NearbyStates.Select(s => s.Trim().ToUpperInvariant()).ToList().IndexOf(state);
        return nearby >= 0 ? 1 + nearby : int.MaxValue - 1;
    }
}
