using System.Text;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Tokenising shared by the TF-IDF embedder, BM25 and the objection model, so every part of retrieval sees the same
/// words. Feature ids are 64-bit FNV-1a hashes (stable across processes and platforms, unlike string.GetHashCode).
/// </summary>
public static class TextTokens
{
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text ?? string.Empty)
        {
            if (char.IsLetterOrDigit(ch) || (ch == '\'' && current.Length > 0))
            {
                current.Append(char.ToLowerInvariant(ch));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString().Trim('\''));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString().Trim('\''));
        }

        words.RemoveAll(w => w.Length == 0);
        return words;
    }

    /// <summary>Word unigrams and bigrams (prefixed "w:"), and character 3-5-grams inside padded words ("c:").</summary>
    public static void Features(string text, Dictionary<ulong, int> wordCounts, Dictionary<ulong, int> charCounts)
    {
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            Add(wordCounts, Hash('w', words[i]));
            if (i + 1 < words.Count)
            {
                Add(wordCounts, Hash('b', words[i] + " " + words[i + 1]));
            }

            var padded = " " + words[i] + " ";
            for (var n = 3; n <= 5; n++)
            {
                for (var start = 0; start + n <= padded.Length; start++)
                {
                    Add(charCounts, Hash('c', padded.AsSpan(start, n)));
                }
            }
        }
    }

    public static ulong Hash(char kind, ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        hash = unchecked((hash ^ kind) * 1099511628211UL);
        foreach (var ch in text)
        {
            hash = unchecked((hash ^ ch) * 1099511628211UL);
        }

        return hash;
    }

    private static void Add(Dictionary<ulong, int> counts, ulong id) =>
        counts[id] = counts.TryGetValue(id, out var c) ? c + 1 : 1;
}
