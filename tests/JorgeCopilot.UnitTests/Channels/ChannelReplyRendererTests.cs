using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using Microsoft.Extensions.Options;
using Shouldly;

namespace JorgeCopilot.UnitTests.Channels;

public sealed class ChannelReplyRendererTests
{
    private static readonly ChannelReplyRenderer Renderer = new(Options.Create(new SmsOptions()), Options.Create(new BotOptions()), new MarkdownAnswerRenderer());

    private static readonly StructuredAnswer Score = new("**Ana Garcia** is a hot lead.")
    {
        Kind = "lead-score",
        Facts = [new AnswerFact("Conversion probability", "72%", "LeadScoring.score_lead"), new AnswerFact("Band", "hot", "LeadScoring.score_lead")],
        Actions = [new SuggestedAction("Why?", "explain that score")],
    };

    private static Activity Inbound(string channel) => new()
    {
        Type = "message", Id = "a1", ChannelId = channel, ServiceUrl = "http://127.0.0.1:1/",
        From = new ChannelAccount { Id = "user" }, Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "c1" },
    };

    [Fact]
    public void Teams_gets_an_adaptive_card_threaded_under_the_message()
    {
        var reply = Renderer.Render(Inbound("msteams"), Score);

        reply.ReplyToId.ShouldBe("a1");
        reply.Recipient!.Id.ShouldBe("user");
        reply.From!.Id.ShouldBe("bot");
        reply.Attachments.ShouldHaveSingleItem().ContentType.ShouldBe(AdaptiveCardBuilder.ContentType);
        reply.Attachments[0].Content!["version"]!.GetValue<string>().ShouldBe("1.5");
    }

    [Fact]
    public void Sms_channels_get_plain_text()
    {
        var reply = Renderer.Render(Inbound("sms"), Score);

        reply.Attachments.ShouldBeNull();
        reply.TextFormat.ShouldBe("plain");
        reply.Text.ShouldBe("Ana Garcia is a hot lead.\nConversion probability: 72%\nBand: hot");
    }

    [Fact]
    public void Other_channels_get_markdown_and_suggested_actions()
    {
        var reply = Renderer.Render(Inbound("webchat"), Score);

        reply.TextFormat.ShouldBe("markdown");
        reply.Text!.ShouldContain("- **Conversion probability:** 72%");
        reply.SuggestedActions!.Actions.Select(a => (a.Title, a.Value!.ToString())).ShouldBe([("Why?", "explain that score")]);
    }

    [Fact]
    public void The_bot_framework_web_reply_escapes_markup_like_the_chat_api()
    {
        var answer = new StructuredAnswer("Run jorge import listings <file> --map <map>.")
        {
            Facts = [new AnswerFact("Name", "[click](http://evil.example)", "LeadScoring.score_lead")],
        };

        var reply = Renderer.Render(Inbound("webchat"), answer);

        reply.Text.ShouldBe(new MarkdownAnswerRenderer().Render(answer));
        reply.Text!.ShouldContain("\\<file\\>");
        reply.Text!.ShouldNotContain("&lt;");
        reply.Text!.ShouldContain("\\[click\\](http://evil.example)");
    }

    [Fact]
    public void An_answer_without_follow_ups_gets_no_buttons()
    {
        var reply = Renderer.Render(Inbound("webchat"), Score with { Actions = [] });

        reply.SuggestedActions.ShouldBeNull();
    }

    [Fact]
    public void Button_verbs_come_from_what_the_button_does()
    {
        TeamsAnswerCards.VerbOf(new SuggestedAction("Explain", "explain this score")).ShouldBe("explain");
        TeamsAnswerCards.VerbOf(new SuggestedAction("Draft follow-ups", "draft follow-ups for these leads")).ShouldBe("draft-follow-ups");
        TeamsAnswerCards.VerbOf(new SuggestedAction("Price it", "what is 98103 worth")).ShouldBe("ask");
    }
}
