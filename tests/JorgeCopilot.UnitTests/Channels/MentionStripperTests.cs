using System.Text.Json.Nodes;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Teams;
using Shouldly;

namespace JorgeCopilot.UnitTests.Channels;

public sealed class MentionStripperTests
{
    [Fact]
    public void Bot_mention_is_removed_and_other_mentions_keep_the_name()
    {
        var activity = new Activity
        {
            Type = "message",
            ChannelId = "msteams",
            Text = "<at>Jorge Copilot</at> how hot is <at>Ana Garcia</at>?",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities =
            [
                new JsonObject { ["type"] = "mention", ["text"] = "<at>Jorge Copilot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "Jorge Copilot" } },
                new JsonObject { ["type"] = "mention", ["text"] = "<at>Ana Garcia</at>", ["mentioned"] = new JsonObject { ["id"] = "29:ana", ["name"] = "Ana Garcia" } },
                new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" },
            ],
        };

        MentionStripper.Strip(activity).ShouldBe("how hot is Ana Garcia?");
    }

    [Fact]
    public void Text_without_mentions_is_unchanged() =>
        MentionStripper.Strip(new Activity { Text = "  rank my leads " }).ShouldBe("rank my leads");
}
