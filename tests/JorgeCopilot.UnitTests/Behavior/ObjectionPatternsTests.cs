using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Intelligence.Behavior;

namespace JorgeCopilot.UnitTests.Behavior;

public sealed class ObjectionPatternsTests
{
    private const string MapJson = """
        {"description": "test", "objections": [
          {"id": "price", "label": "Price", "sources": ["disagree-donation"], "why": "refuses to pay"},
          {"id": "commission", "label": "Commission", "sources": [], "why": "no source"}]}
        """;

    [Fact]
    public void Counts_dialogues_that_raised_an_objection_their_win_rate_and_the_handling_that_preceded_wins()
    {
        var conversations = Enumerable.Range(0, 10).Select(i => Dialogue(i, raised: i < 8, won: i < 6, handling: i < 6 ? "logical-appeal" : "emotion-appeal"))
            .Append(Dialogue(10, raised: false, won: true, handling: "logical-appeal")).ToList();

        var price = ObjectionPatterns.Analyze(conversations, ObjectionMap.Parse(MapJson)).Single(p => p.Objection == "price");

        price.Dialogues.ShouldBe(8);
        price.Share.ShouldBe(Math.Round(8 / 11.0, 3));
        price.WinRate.ShouldBe(0.75);
        price.BestHandling.ShouldBe([new HandlingOutcome("logical-appeal", 6, 1.0)]);
    }

    [Fact]
    public void An_objection_that_never_appears_has_no_win_rate()
    {
        var patterns = ObjectionPatterns.Analyze([Dialogue(0, raised: true, won: true, handling: "x")], ObjectionMap.Parse(MapJson));

        patterns.Single(p => p.Objection == "commission").WinRate.ShouldBeNull();
    }

    private static Conversation Dialogue(int i, bool raised, bool won, string handling) => new()
    {
        Corpus = "persuasion-for-good",
        ExternalId = $"d{i}",
        Succeeded = won,
        Turns =
        [
            new ConversationTurn { Index = 0, SpeakerRole = "persuader", Text = "Would you donate?", Labels = ["proposition-of-donation"] },
            new ConversationTurn { Index = 1, SpeakerRole = "persuadee", Text = "No.", Labels = [raised ? "disagree-donation" : "greeting"] },
            new ConversationTurn { Index = 2, SpeakerRole = "persuader", Text = "Consider this.", Labels = [handling] },
        ],
    };
}
