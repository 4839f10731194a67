using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Sms;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class SmsAnswerRendererTests
{
    [Fact]
    public void Markdown_is_removed_and_links_are_shortened()
    {
        var text = SmsAnswerRenderer.PlainText("## Hot leads\n**Ana Garcia** is _very_ likely to convert \u2014 see [the listing](https://www.zillow.com/homedetails/123/?utm_source=x#photos) or https://example.com/a/b?x=1.");

        text.ShouldNotContain("**");
        text.ShouldNotContain("##");
        text.ShouldNotContain("_very_");
        text.ShouldContain("Ana Garcia is very likely to convert - see the listing (zillow.com/homedetails/123)");
        text.ShouldContain("example.com/a/b");
        text.ShouldNotContain("https://");
        text.ShouldNotContain("utm_source");
    }

    [Fact]
    public void One_emoji_switches_to_the_ucs2_budget()
    {
        var text = new string('a', 80) + "\U0001F600";
        SmsSegments.IsGsm7(text).ShouldBeFalse();
        SmsSegments.Count(text).ShouldBe(2);
        SmsSegments.Count(new string('a', 80)).ShouldBe(1);
        SmsSegments.Count(new string('a', 159) + "\u20AC").ShouldBe(2);
    }

    [Fact]
    public void Long_answers_fit_the_segment_budget_and_end_with_an_ellipsis()
    {
        var answer = new StructuredAnswer(string.Join(' ', Enumerable.Repeat("The market in Seattle keeps cooling slowly.", 40)))
        {
            Kind = "forecast",
            Facts = [new AnswerFact("Median value", "$812,000", "Market.market_trends")],
        };

        var sms = SmsAnswerRenderer.Render(answer, 3);
        var oneSegment = SmsAnswerRenderer.Render(answer, 1);

        SmsSegments.Count(sms).ShouldBeLessThanOrEqualTo(3);
        sms.ShouldEndWith("...");
        sms.Length.ShouldBeGreaterThan(400);
        SmsSegments.Count(oneSegment).ShouldBe(1);
        oneSegment.Length.ShouldBeGreaterThan(140);
    }

    [Fact]
    public void Facts_and_table_rows_become_plain_lines()
    {
        var answer = new StructuredAnswer("Your **hottest** leads:")
        {
            Kind = "ranked-leads",
            Table = new AnswerTable(["Lead", "Probability"], [["Ana Garcia", "72%"], ["Bo Chen", "64%"]], "LeadScoring.rank_leads"),
            Facts = [new AnswerFact("Model", "v3", "LeadScoring.rank_leads")],
        };

        var sms = new SmsAnswerRenderer().Render(answer);

        sms.ShouldBe("Your hottest leads:\nModel: v3\n1. Ana Garcia, 72%\n2. Bo Chen, 64%");
    }

    [Fact]
    public void A_placeholder_in_a_command_survives_while_real_html_tags_go()
    {
        var text = SmsAnswerRenderer.PlainText("Import them: jorge import listings <file> --map <map>. <b>Done</b>");

        text.ShouldBe("Import them: jorge import listings <file> --map <map>. Done");
    }
}
