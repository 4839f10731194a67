using System.Text.Json;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Tests.Shared;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.UnitTests.Pricing;

/// <summary>Every pricing answer kind, composed from the plugin's own result records, rendered for web, Teams and SMS.</summary>
public sealed class PricingAnswerRenderingTests
{
    private static readonly AnswerComposer Composer = new(new PromptCatalog());
    private static readonly ChannelReplyRenderer Channels = new(Options.Create(new SmsOptions()));
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "estimate_value", "price-range", "$651,000" },
        { "recommend_list_price", "price-range", "$665,000" },
        { "estimate_days_to_sell", "days-to-sell", "23" },
        { "find_undervalued", "property-list", "$412,000" },
        { "market_trends", "market-trends", "Seattle, WA" },
        { "investment_alerts", "property-list", "98118" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_pricing_answer_reads_well_on_web_teams_and_sms(string function, string kind, string keyValue)
    {
        var tool = new ToolSpec($"Pricing-{function}", "Pricing", function, "", []);
        var answer = Composer.Compose(tool, new Dictionary<string, object?> { ["region"] = "Seattle, WA" }, PricingSampleResults.For(function), null).Answer;

        answer.Kind.ShouldBe(kind);
        answer.Text.ShouldNotContain("{{");

        var web = Channels.Render(Inbound("webchat"), answer);
        web.TextFormat.ShouldBe("markdown");
        web.Text!.ShouldContain(keyValue);
        (web.Text!.Contains("- **", StringComparison.Ordinal) || web.Text!.Contains("\n| ", StringComparison.Ordinal)).ShouldBeTrue(web.Text);

        var teams = Channels.Render(Inbound("msteams"), answer);
        var card = teams.Attachments.ShouldHaveSingleItem().Content!.ToJsonString();
        card.ShouldContain(keyValue.Replace("$", "", StringComparison.Ordinal));
        card.ShouldContain(kind switch
        {
            "price-range" => "Price range",
            "days-to-sell" => "Days to sell",
            "property-list" => "Opportunities",
            _ => "Market trends",
        });
        using (var json = JsonDocument.Parse(card))
        {
            json.RootElement.GetProperty("actions").GetArrayLength().ShouldBeGreaterThan(0);
        }

        var sms = Channels.Render(Inbound("sms"), answer).Text!;
        SmsSegments.Count(sms).ShouldBeLessThanOrEqualTo(3);
        sms.ShouldNotContain("**");
        sms.ShouldNotContain("|  ");
        sms.ShouldContain(keyValue);
        var plain = new SmsAnswerRenderer().Render(answer);
        SmsSegments.Count(plain).ShouldBeLessThanOrEqualTo(SmsAnswerRenderer.MaxSegments);
        plain.ShouldContain(keyValue);
    }

    [Fact]
    public void A_list_price_answer_says_when_no_competitor_data_was_imported()
    {
        var tool = new ToolSpec("Pricing-recommend_list_price", "Pricing", "recommend_list_price", "", []);
        var answer = Composer.Compose(tool, new Dictionary<string, object?>(), PricingSampleResults.For("recommend_list_price"), "7129300520").Answer;

        answer.Facts.ShouldContain(f => f.Label == "Competitors" && f.Value.StartsWith("no competitor listing data imported", StringComparison.Ordinal));
        new MarkdownAnswerRenderer().Render(answer).ShouldContain("no competitor listing data imported");
    }

    private static Activity Inbound(string channel) => new()
    {
        Type = "message", Id = "a1", ChannelId = channel, ServiceUrl = "http://127.0.0.1:1/",
        From = new ChannelAccount { Id = "user" }, Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "c1" },
    };
}
