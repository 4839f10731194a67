using System.Text.Json;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using JorgeCopilot.Core.Sms;
using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Tests.Shared;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.UnitTests.Pricing;

/// <summary>Every pricing and market answer, composed from the plugins' own result records and declarations, rendered for web, Teams and SMS.</summary>
public sealed class PricingAnswerRenderingTests
{
    private static readonly AnswerComposer Composer = new(new PromptCatalog());
    private static readonly ChannelReplyRenderer Channels = new(Options.Create(new SmsOptions()), Options.Create(new BotOptions()), new MarkdownAnswerRenderer());
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
        var answer = Composer.Compose(CapabilitySampleResults.Tool(function), new Dictionary<string, object?> { ["region"] = "Seattle, WA" }, CapabilitySampleResults.For(function), null).Answer;

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
    public void Market_trends_show_shares_as_percentages_and_their_changes_in_points()
    {
        var answer = Composer.Compose(CapabilitySampleResults.Tool("market_trends"), new Dictionary<string, object?>(), CapabilitySampleResults.For("market_trends"), null).Answer;
        var share = answer.Table.ShouldNotBeNull().Rows.Single(r => r.Contains("share sold above list"));

        share.ShouldContain("39.1%");
        share.ShouldContain("+13.4 pts");
        share.ShouldNotContain("0.391");
    }

    [Fact]
    public void A_chart_in_a_tool_result_is_drawn_on_web_and_teams_and_left_out_of_sms()
    {
        var answer = Composer.Compose(CapabilitySampleResults.Tool("market_trends"), new Dictionary<string, object?>(), CapabilitySampleResults.For("market_trends"), null).Answer;
        answer.Chart.ShouldNotBeNull().Series["Homes sold"].ShouldBe([3_120, 3_410, 4_520, 5_010]);

        new MarkdownAnswerRenderer().Render(answer).ShouldContain("](data:image/png;base64,");
        var card = TeamsAnswerCards.Render(answer, new Uri("https://jorge.example/")).ToJsonString();
        card.ShouldContain("\"type\":\"Image\"");
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(card, "https://jorge.example/charts/[^\"]+").Value);
        ChartToken.Decode(link.Segments[^1][..^4]).ShouldNotBeNull().Series["Homes sold"].ShouldBe([3_120, 3_410, 4_520, 5_010]);
        TeamsAnswerCards.Render(answer).ToJsonString().ShouldContain("\"type\":\"Table\"");
        new SmsAnswerRenderer().Render(answer).ShouldNotContain("base64");
        var png = ChartImage.Png(answer.Chart);
        png[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
    }

    [Fact]
    public void A_list_price_answer_says_when_no_competitor_data_was_imported()
    {
        var answer = Composer.Compose(CapabilitySampleResults.Tool("recommend_list_price"), new Dictionary<string, object?>(), CapabilitySampleResults.For("recommend_list_price"), "7129300520").Answer;

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
