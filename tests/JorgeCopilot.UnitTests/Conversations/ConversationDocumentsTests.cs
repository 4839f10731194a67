using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class ConversationDocumentsTests
{
    [Fact]
    public void A_won_conversation_yields_itself_and_each_objection_turn_paired_with_the_reply()
    {
        var items = ConversationDocuments.For(Conversation(succeeded: true)).ToList();

        items.Select(i => i.Kind).ShouldBe([ConversationKinds.Conversation, ConversationKinds.Turn]);
        items[1].Text.ShouldBe("I am not sure I trust big charities at all");
        items[1].Response.ShouldBe("Save the Children has been audited for decades");
        items[1].Strategies.ShouldBe(["credibility-appeal", "negative-reaction-to-donation"]);
    }

    [Fact]
    public void A_lost_conversation_yields_no_turns_to_copy_answers_from()
    {
        ConversationDocuments.For(Conversation(succeeded: false)).Select(i => i.Kind).ShouldBe([ConversationKinds.Conversation]);
    }

    [Fact]
    public void The_fingerprint_changes_when_the_outcome_changes()
    {
        var won = ConversationDocuments.For(Conversation(succeeded: true)).First().Fingerprint;
        var lost = ConversationDocuments.For(Conversation(succeeded: false)).First().Fingerprint;

        won.ShouldNotBe(lost);
    }

    private static Conversation Conversation(bool succeeded) => new()
    {
        Id = 3,
        Corpus = "persuasion-for-good",
        ExternalId = "d1",
        Succeeded = succeeded,
        Turns =
        [
            new ConversationTurn { Index = 0, SpeakerRole = "persuader", Text = "Would you donate to Save the Children?" },
            new ConversationTurn { Index = 1, SpeakerRole = "persuadee", Text = "I am not sure I trust big charities at all", Labels = ["negative-reaction-to-donation"] },
            new ConversationTurn { Index = 2, SpeakerRole = "persuader", Text = "Save the Children has been audited for decades", Labels = ["credibility-appeal"] },
            new ConversationTurn { Index = 3, SpeakerRole = "persuadee", Text = "ok" },
        ],
    };
}
