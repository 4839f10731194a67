using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CsvHelper;
using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Data;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Reads the bundled conversation corpora straight from data/ (evals are hermetic: they never depend on what the store
/// holds), in the same shape the importer gives them: one <see cref="Conversation"/> per dialogue with ordered turns.
/// </summary>
public static class CorpusFiles
{
    public const string PersuasionForGood = "persuasion-for-good";
    public const string Casino = "casino";

    /// <summary>Persuasion For Good: 1,017 dialogues, succeeded = the persuadee donated (clipped to [0, 2]) more than 0; labels on the 300 annotated.</summary>
    public static List<Conversation> ReadPersuasionForGood(DataLocator data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dir = data.Bundled(PersuasionForGood);
        var donations = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in Rows(Path.Combine(dir, "full_info.csv.gz")))
        {
            if (row["B4"] == "1" && double.TryParse(row["B6"], CultureInfo.InvariantCulture, out var amount))
            {
                donations[row["B2"]] = Math.Clamp(amount, 0, 2);
            }
        }

        var labels = new Dictionary<(string, int, int), List<string>>();
        foreach (var s in AnnotatedSentences(data))
        {
            var key = (s.DialogueId, s.Turn, s.Role);
            if (!labels.TryGetValue(key, out var list))
            {
                labels[key] = list = [];
            }

            foreach (var label in new[] { s.PersuaderLabel, s.PersuadeeLabel })
            {
                if (!string.IsNullOrEmpty(label) && !list.Contains(label))
                {
                    list.Add(label);
                }
            }
        }

        var conversations = new Dictionary<string, Conversation>(StringComparer.Ordinal);
        foreach (var row in Rows(Path.Combine(dir, "full_dialog.csv.gz")))
        {
            var id = row["B2"];
            if (!conversations.TryGetValue(id, out var c))
            {
                var donation = donations.GetValueOrDefault(id);
                conversations[id] = c = new Conversation { Corpus = PersuasionForGood, ExternalId = id, Succeeded = donation > 0, OutcomeValue = donation };
            }

            var turn = int.Parse(row["Turn"], CultureInfo.InvariantCulture);
            var role = int.Parse(row["B4"], CultureInfo.InvariantCulture);
            c.Turns.Add(new ConversationTurn
            {
                Index = (turn * 2) + role,
                SpeakerRole = role == 0 ? "persuader" : "persuadee",
                Text = row["Unit"],
                Labels = labels.GetValueOrDefault((id, turn, role)) ?? [],
            });
        }

        var list2 = conversations.Values.OrderBy(c => c.ExternalId, StringComparer.Ordinal).ToList();
        foreach (var c in list2)
        {
            // Several utterances can share a (turn, role) slot; renumber in file order within the slot order.
            c.Turns = c.Turns.OrderBy(t => t.Index).ToList();
            for (var i = 0; i < c.Turns.Count; i++)
            {
                c.Turns[i].Index = i;
            }
        }

        return list2;
    }

    /// <summary>The 10,864 annotated sentences of the 300 labelled Persuasion For Good dialogues, in file order.</summary>
    public static List<AnnotatedSentence> AnnotatedSentences(DataLocator data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Rows(Path.Combine(data.Bundled(PersuasionForGood), "annotated_300_dialog.csv.gz"))
            .Select(r => new AnnotatedSentence(r["B2"], (int)double.Parse(r["Turn"], CultureInfo.InvariantCulture),
                (int)double.Parse(r["B4"], CultureInfo.InvariantCulture), r["Unit"], r["er_label_1"], r["ee_label_1"]))
            .ToList();
    }

    /// <summary>CaSiNo (train, valid and test files): succeeded = ended in Accept-Deal, outcome value = both agents' points.</summary>
    public static List<Conversation> ReadCasino(DataLocator data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new List<Conversation>();
        foreach (var split in new[] { "train", "valid", "test" })
        {
            using var stream = new GZipStream(File.OpenRead(Path.Combine(data.Bundled("casino-negotiation"), $"casino_{split}.json.gz")), CompressionMode.Decompress);
            using var doc = JsonDocument.Parse(stream);
            foreach (var d in doc.RootElement.EnumerateArray())
            {
                var annotations = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                if (d.TryGetProperty("annotations", out var ann) && ann.ValueKind == JsonValueKind.Array)
                {
                    foreach (var a in ann.EnumerateArray())
                    {
                        annotations[a[0].GetString() ?? ""] = (a[1].GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    }
                }

                var c = new Conversation { Corpus = Casino, ExternalId = d.GetProperty("dialogue_id").ToString() };
                var last = "";
                foreach (var log in d.GetProperty("chat_logs").EnumerateArray())
                {
                    var text = log.GetProperty("text").GetString() ?? "";
                    last = text;
                    c.Turns.Add(new ConversationTurn
                    {
                        Index = c.Turns.Count,
                        SpeakerRole = log.GetProperty("id").GetString() ?? "",
                        Text = text,
                        Labels = annotations.GetValueOrDefault(text) ?? [],
                    });
                }

                c.Succeeded = last == "Accept-Deal";
                var points = 0.0;
                foreach (var agent in d.GetProperty("participant_info").EnumerateObject())
                {
                    var outcomes = agent.Value.GetProperty("outcomes");
                    points += outcomes.GetProperty("points_scored").GetDouble();
                    c.Attributes[$"{agent.Name}_satisfaction"] = outcomes.GetProperty("satisfaction").GetString() ?? "";
                }

                c.OutcomeValue = points;
                result.Add(c);
            }
        }

        return result;
    }

    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.GetField(i) ?? "";
            }

            yield return row;
        }
    }
}

/// <summary>One annotated Persuasion For Good sentence: role 0 = persuader, 1 = persuadee.</summary>
public sealed record AnnotatedSentence(string DialogueId, int Turn, int Role, string Text, string PersuaderLabel, string PersuadeeLabel);
