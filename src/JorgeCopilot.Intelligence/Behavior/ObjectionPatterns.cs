using JorgeCopilot.Core.Conversations;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Which objections appear in the annotated corpus, how often, how those conversations ended, and which persuader
/// strategy right after the objection preceded a win most often (at least <see cref="MinSupport"/> cases, so one lucky
/// dialogue does not make a rule). Descriptive, not causal: the answer says so.
/// </summary>
public static class ObjectionPatterns
{
    public const int MinSupport = 5;

    public static IReadOnlyList<ObjectionPattern> Analyze(IReadOnlyList<Conversation> conversations, ObjectionMap map)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(map);
        var labelled = conversations.Where(c => c.Turns.Any(t => t.Labels.Count > 0)).ToList();
        var result = new List<ObjectionPattern>();
        foreach (var objection in map.Objections)
        {
            var dialogues = 0;
            var won = 0;
            var handling = new Dictionary<string, (int Count, int Won)>(StringComparer.Ordinal);
            foreach (var c in labelled)
            {
                var turns = c.Turns.OrderBy(t => t.Index).ToList();
                var raised = false;
                for (var i = 0; i < turns.Count; i++)
                {
                    if (turns[i].SpeakerRole != "persuadee" || !turns[i].Labels.Any(l => map.Map(l) == objection.Id))
                    {
                        continue;
                    }

                    raised = true;
                    var reply = turns.Skip(i + 1).FirstOrDefault(t => t.SpeakerRole == "persuader");
                    foreach (var strategy in reply?.Labels ?? [])
                    {
                        var h = handling.GetValueOrDefault(strategy);
                        handling[strategy] = (h.Count + 1, h.Won + (c.Succeeded == true ? 1 : 0));
                    }
                }

                if (raised)
                {
                    dialogues++;
                    won += c.Succeeded == true ? 1 : 0;
                }
            }

            var best = handling.Where(h => h.Value.Count >= MinSupport)
                .Select(h => new HandlingOutcome(h.Key, h.Value.Count, Math.Round(h.Value.Won / (double)h.Value.Count, 3)))
                .OrderByDescending(h => h.WinRate).ThenByDescending(h => h.Cases).Take(3).ToList();
            result.Add(new ObjectionPattern(objection.Id, objection.Label, dialogues,
                labelled.Count == 0 ? 0 : Math.Round(dialogues / (double)labelled.Count, 3),
                dialogues == 0 ? null : Math.Round(won / (double)dialogues, 3), best, objection.Why));
        }

        return result.OrderByDescending(p => p.Dialogues).ToList();
    }
}

/// <param name="Share">Share of the labelled dialogues in which the objection was raised at least once.</param>
/// <param name="WinRate">Share of those dialogues that ended in a donation; null when it never appeared.</param>
public sealed record ObjectionPattern(string Objection, string Label, int Dialogues, double Share, double? WinRate,
    IReadOnlyList<HandlingOutcome> BestHandling, string Mapping);

public sealed record HandlingOutcome(string Strategy, int Cases, double WinRate);
