namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// Reads one message: values by the parsers, a region and lead names by the directory, then the intent from the
/// message with those replaced by class tokens ("why is xname hot"), so names never sway the intent model.
/// </summary>
public sealed class RequestReader(IntentClassifier classifier, SlotExtractor extractor, RegionMatcher regions)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "at", "is", "are", "was", "be", "me", "my", "i", "you", "it",
        "this", "that", "with", "about", "what", "whats", "how", "who", "which", "can", "could", "would", "should", "do", "does",
        "please", "pls", "plz", "now", "today", "hey", "hi", "ok", "okay", "so", "just", "like", "get", "got", "tell", "show",
        "give", "any", "some", "one", "ones", "him", "her", "them", "his", "their", "our", "we", "us", "mr", "mrs", "ms", "miss",
        "lead", "leads", "score", "then", "also", "too", "again", "why", "more", "info", "details", "thanks", "thank", "yes", "no",
    };

    public PlannerRequest Read(string text, PlannerDirectorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var slots = extractor.Extract(text);
        var (region, regionWords) = regions.Find(slots.FreeWords, snapshot.Regions);
        var nameWords = slots.FreeWords
            .Where(w => !regionWords.Contains(w) && w.All(char.IsLetter) && w.Length >= 2 && !StopWords.Contains(w)
                && (!classifier.Vocabulary.Contains(w) || snapshot.Leads.IsNameToken(w)))
            .ToList();
        nameWords.AddRange(IdentifyingWords(text, snapshot.Leads).Where(w => !nameWords.Contains(w)));
        var names = snapshot.Leads.Match(nameWords);
        var normalized = string.Join(' ', slots.Normalized.Split(' ').Select(w =>
            names.MatchedWords.Contains(w) ? "xname" : regionWords.Contains(w) ? "xregion" : w));
        return new PlannerRequest(text, slots, names, nameWords, region, classifier.Predict(normalized));
    }

    /// <summary>
    /// Words the value parsers take as numbers or codes but that name a lead: an external id ("cJAWDskpkJHbRbhAT7bs",
    /// "row-000123"), or a name part with digits ("6506" in "Visitor 6506") standing next to another part of a name, so
    /// "top 10 leads" never finds a "Visitor 10".
    /// </summary>
    private static IEnumerable<string> IdentifyingWords(string text, LeadNameIndex leads)
    {
        var raw = text.ToLowerInvariant().Split([' ', '\t', '\n', '\r', ',', '?', '!', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '\'', '#'))
            .Where(w => w.Length >= 2)
            .ToList();
        for (var i = 0; i < raw.Count; i++)
        {
            var word = raw[i];
            if (leads.IsExternalId(word))
            {
                yield return word;
            }
            else if (word.Any(char.IsDigit) && leads.IsNameToken(word)
                && ((i > 0 && IsNamePart(raw[i - 1])) || (i + 1 < raw.Count && IsNamePart(raw[i + 1]))))
            {
                yield return word;
            }
        }

        bool IsNamePart(string w) => w.All(char.IsLetter) && !StopWords.Contains(w) && leads.IsNameToken(w);
    }

    /// <summary>Leftover words only count as an attempted name when they are not typos of planner vocabulary.</summary>
    public bool LooksLikeName(IReadOnlyList<string> words) =>
        words.Any(w => w.Length >= 3 && !classifier.Vocabulary.Any(v => v.Length >= 4 && Math.Abs(v.Length - w.Length) <= 2 && EditDistance.DamerauLevenshtein(v, w, 2) <= 2));
}
