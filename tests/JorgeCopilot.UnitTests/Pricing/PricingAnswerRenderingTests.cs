using System.Text.Json;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.UnitTests.Pricing;

/// <summary>Every pricing answer kind, composed from the plugin's own result records, rendered for web, Teams and SMS.</summary>
public sealed class PricingAnswerRenderingTests
{
    private static readonly AnswerComposer Composer = new(new PromptCatalog());
    private static readonly ChannelReplyRenderer Channels = new(Options.Create(new SmsOptions()));
    private static readonly DateOnly AsOf = new(2015, 5, 27);

    private static readonly IReadOnlyList<ComparableAnswer> Comparables =
    [
        .. Enumerable.Range(0, 8).Select(i => new ComparableAnswer($"71293005{i:00}", AsOf.AddDays(-30 * i), 640_000 + 9_000 * i, 0.3 + 0.1 * i, 3, 2, 1_800 + 40 * i, 655_000 + 4_000 * i)),
    ];

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "estimate_value", "price-range", "$651,000" },
        { "recommend_list_price", "price-range", "$665,000" },
        { "estimate_days_to_sell", "days-to-sell", "23" },
        { "find_undervalued", "property-list", "$412,000" },
        { "market_trends", "market-trends", "Seattle, WA" },
        { "investment_alerts", "property-list", "98118" },
    };

    private static object Result(string function) => function switch
    {
        "estimate_value" => new ValueAnswer("7129300520 (Seattle 98178)", 651_000, 598_000, 709_000, 552_000, 768_000,
            ["living area (1,800 sq ft) raises the value 12%", "location premium (+9%) raises the value 8%", "construction grade (7) lowers the value 3%"], 8, AsOf, 2),
        "recommend_list_price" => new ListPriceAnswer("7129300520 (Seattle 98178)", 665_000, 650_000, 680_000, 651_000, Comparables, 1.004, 0.46, 0.38,
            "Seattle, WA", 23, "Zillow median days to pending, Seattle, WA, 2015-04, adjusted for list/value 1.02", PricingPlugin.NoCompetitorData,
            "market level (no per-listing days on market in the store)", 2),
        "estimate_days_to_sell" => new DaysAnswer("7129300520 (Seattle 98178)", 23, 53, 1.02, "Zillow median days to pending, Seattle, WA, 2015-04",
            "market level (no per-listing days on market in the store)"),
        "find_undervalued" => new UndervaluedAnswer(
        [
            .. Enumerable.Range(0, 6).Select(i => new UndervaluedItem($"52003000{i:00}", "98118", "last sale", 412_000 + 10_000 * i, AsOf.AddDays(-20 * i),
                498_000 + 11_000 * i, 17.2 - i, "sold 17% below the model's value, outside its 80% range")),
        ]),
        "market_trends" => new TrendsAnswer("Seattle, WA",
        [
            new TrendItem("zillow", "typical home value (ZHVI)", AsOf, 612_345, 0.8, 9.1, 1.2, "rising", ["2015-02 z=3.4"]),
            new TrendItem("zillow", "median days to pending", AsOf, 9, -10, -18.5, -3.1, "falling", []),
            new TrendItem("redfin", "sale-to-list ratio", AsOf, 1.021, 0.3, 1.1, 0.2, "rising", []),
        ]),
        "investment_alerts" => new AlertsAnswer(
        [
            new AlertItem("undervalued", "5200300000 in 98118 sold 17% below its estimated value", "Last sale $412,000 vs model $498,000 (80% range $455,000–$545,000)", 17.2),
            new AlertItem("market-turn", "Seattle, WA days to pending is turning", "year over year -18.5%, recent momentum -3.1%", 8.1),
        ], 3),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_pricing_answer_reads_well_on_web_teams_and_sms(string function, string kind, string keyValue)
    {
        var tool = new ToolSpec($"Pricing-{function}", "Pricing", function, "", []);
        var answer = Composer.Compose(tool, new Dictionary<string, object?> { ["region"] = "Seattle, WA" }, Result(function), null).Answer;

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
        var answer = Composer.Compose(tool, new Dictionary<string, object?>(), Result("recommend_list_price"), "7129300520").Answer;

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
