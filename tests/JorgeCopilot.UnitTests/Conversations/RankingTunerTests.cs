using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class RankingTunerTests
{
    private static readonly string[] Labels = ["price", "timing", "trust"];

    private static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        ["price"] = ["price", "cost", "expensive", "budget", "afford", "cheaper"],
        ["timing"] = ["spring", "ready", "wait", "later", "month", "soon"],
        ["trust"] = ["trust", "reviews", "honest", "references", "license", "proof"],
    };

    private static readonly string[] Filler = ["the", "we", "really", "think", "about", "house", "maybe", "would", "like", "to", "and", "this"];

    /// <summary>Dialogues whose labelled turns use their label's words among filler; outcome follows the dominant label, with noise.</summary>
    private static List<Conversation> Corpus(int count, int seed)
    {
        var rng = new Random(seed);
        var conversations = new List<Conversation>();
        for (var d = 0; d < count; d++)
        {
            var main = Labels[rng.Next(Labels.Length)];
            var c = new Conversation { Corpus = "synthetic", ExternalId = $"dialogue-{d}", Succeeded = main != "trust" ^ rng.NextDouble() < 0.2 };
            for (var t = 0; t < 8; t++)
            {
                var label = rng.NextDouble() < 0.6 ? main : Labels[rng.Next(Labels.Length)];
                c.Turns.Add(new ConversationTurn { Index = t, SpeakerRole = t % 2 == 0 ? "agent" : "lead", Text = Sentence(rng, label), Labels = [label] });
            }

            conversations.Add(c);
        }

        return conversations;
    }

    private static string Sentence(Random rng, string label) => string.Join(' ',
        Enumerable.Range(0, 9).Select(i => i % 3 == 0 ? Words[label][rng.Next(Words[label].Length)] : Filler[rng.Next(Filler.Length)]));

    private static readonly RetrievalProtocol Protocol = new("synthetic", t => t.Labels.FirstOrDefault(), _ => c => c.Succeeded == true, "won");

    [Fact]
    public void Changing_held_out_dialogues_changes_neither_the_chosen_parameters_nor_their_validation_figures()
    {
        var corpus = Corpus(120, 7);
        var before = RetrievalEvalSuite.Tune(Protocol, corpus);

        var changed = Corpus(120, 7);
        var heldOut = changed.Where(c => DialogueSplit.IsTest(c.ExternalId)).ToList();
        heldOut.Count.ShouldBeGreaterThan(10);
        foreach (var c in heldOut)
        {
            c.Succeeded = !c.Succeeded;
            foreach (var t in c.Turns)
            {
                t.Text = "completely different words about campsites firewood and water";
                t.Labels = ["trust"];
            }
        }

        var after = RetrievalEvalSuite.Tune(Protocol, changed);

        after.ShouldBe(before);
    }

    [Fact]
    public void Changing_training_dialogues_does_change_the_validation_figures()
    {
        // The check above could pass vacuously if tuning ignored its input; it does not.
        var corpus = Corpus(120, 7);
        var before = RetrievalEvalSuite.Tune(Protocol, corpus);
        var changed = Corpus(120, 7);
        foreach (var c in changed.Where(c => !DialogueSplit.IsTest(c.ExternalId)).Take(20))
        {
            c.Succeeded = !c.Succeeded;
        }

        var after = RetrievalEvalSuite.Tune(Protocol, changed);

        after.OutcomeAuc.ShouldNotBe(before.OutcomeAuc);
    }

    [Fact]
    public void The_choice_is_at_least_as_good_as_the_previous_defaults_on_the_validation_folds()
    {
        var tuning = RetrievalEvalSuite.Tune(Protocol, Corpus(120, 11));

        tuning.TurnScore.ShouldBeGreaterThanOrEqualTo(tuning.DefaultTurnScore);
        tuning.OutcomeAuc.ShouldBeGreaterThanOrEqualTo(tuning.DefaultOutcomeAuc);
        tuning.OutcomeAuc.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Folds_deal_dialogues_evenly()
    {
        var folds = Enumerable.Range(0, 3000).Select(i => RankingTuner.FoldOf($"d{i}")).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());

        folds.Keys.Order().ShouldBe(Enumerable.Range(0, RankingTuner.Folds));
        folds.Values.ShouldAllBe(n => Math.Abs(n - (3000.0 / RankingTuner.Folds)) < 100);
    }
}
