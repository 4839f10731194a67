using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Sms;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class RenderingTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Counts_gsm7_segments(int length, int segments) => SmsSegments.Count(new string('a', length)).ShouldBe(segments);

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Counts_ucs2_segments(int length, int segments) => SmsSegments.Count("é€ж" + new string('ж', length - 3)).ShouldBe(segments);

    [Fact]
    public void Extension_characters_take_two_septets() => SmsSegments.Units("{€}").ShouldBe(6);

    [Fact]
    public void Sms_answer_fits_three_segments_and_keeps_the_headline()
    {
        var rows = Enumerable.Range(1, 10).Select(i => (IReadOnlyList<string>)[$"{i}", $"Lead number {i} with a long name", "72.5%", "hot", "opened every email we sent"]).ToList();
        var answer = new StructuredAnswer("Your hottest leads right now, ranked by the lead-scoring model:")
        {
            Table = new AnswerTable(["Id", "Name", "Probability", "Band", "Reason"], rows, "LeadScoring.rank_leads"),
            Facts = [new AnswerFact("Model version", "lead-scoring-v3", "LeadScoring.rank_leads")],
        };
        var sms = new SmsAnswerRenderer().Render(answer);
        SmsSegments.Count(sms).ShouldBeLessThanOrEqualTo(3);
        SmsSegments.IsGsm7(sms).ShouldBeTrue();
        sms.ShouldStartWith("Your hottest leads");
        sms.ShouldEndWith("...");
    }

    [Fact]
    public void Unicode_text_is_kept_within_three_ucs2_segments()
    {
        var sms = new SmsAnswerRenderer().Render(new StructuredAnswer(string.Concat(Enumerable.Repeat("Zoë Łukasz 😀 ", 40))));
        SmsSegments.Count(sms).ShouldBeLessThanOrEqualTo(3);
        sms.Length.ShouldBeLessThanOrEqualTo(201);
    }

    [Fact]
    public void Markdown_escapes_values_and_names_sources()
    {
        var md = new MarkdownAnswerRenderer().Render(new StructuredAnswer("Outlook for x:")
        {
            Facts = [new AnswerFact("Note", "<b>hi</b> [x](http://e.example)", "LeadScoring.score_lead")],
        });
        md.ShouldNotContain("<b>");
        md.ShouldNotContain("[x](");
        md.ShouldContain("LeadScoring.score\\_lead");
    }

    [Fact]
    public void Groundedness_accepts_rounding_and_rejects_invented_numbers()
    {
        var sources = new[] { """{"value":540012.4,"probabilityPercent":72.31,"days":18}""" };
        Groundedness.IsGrounded("Value $540,012, 72.3% likely, 18 days", sources).ShouldBeTrue();
        Groundedness.UngroundedNumbers("Value $540,012 and 25 days", sources).ShouldBe(["25"]);
    }

    [Fact]
    public void A_percentage_is_grounded_by_the_fraction_the_tool_returned_but_a_bare_number_is_not()
    {
        var sources = new[] { """{"probability":0.877,"marketShare":0.0012}""" };
        Groundedness.IsGrounded("87.7% likely, 0.12% of the market", sources).ShouldBeTrue();
        Groundedness.UngroundedNumbers("87.7 deals", sources).ShouldBe(["87.7"]);
        Groundedness.UngroundedNumbers("88.7%", sources).ShouldBe(["88.7"]);
    }

    [Theory]
    [InlineData("probability", "0.877", "87.7%", "0.877")]
    [InlineData("marketShare", "0.0012", "0.12%", "0.001")]
    [InlineData("expectedTotal", "138076.4", "$138,076", "138,076")]
    [InlineData("revenuePerLead", "20.914", "$20.91", "20.91")]
    [InlineData("commissionLost", "-1500", "-$1,500", "-1,500")]
    [InlineData("days", "950", "950", "950")]
    public void Values_the_capability_declared_as_money_or_fractions_read_as_dollars_and_percentages(string name, string json, string declared, string undeclared)
    {
        var units = new JorgeCopilot.Agent.Planning.ToolPresentation("goal-odds", null, 0, null, null, [], [], null)
        {
            Money = new HashSet<string>(["expectedtotal", "revenueperlead", "commissionlost"]),
            Fractions = new HashSet<string>(["probability", "marketshare"]),
        };
        using var value = System.Text.Json.JsonDocument.Parse(json);
        AnswerComposer.Format(name, value.RootElement, units).ShouldBe(declared);
        AnswerComposer.Format(name, value.RootElement).ShouldBe(undeclared);
    }

    [Theory]
    [InlineData("saleToListRatio", "1.004", "1.004")]
    [InlineData("shareSoldAboveList", "0.4567", "0.457")]
    [InlineData("probabilityPercent", "72.314", "72.31%")]
    [InlineData("listPrice", "665000", "$665,000")]
    [InlineData("zip", "98118", "98118")]
    public void Facts_keep_the_tools_digits_and_enough_of_them(string name, string json, string expected)
    {
        using var value = System.Text.Json.JsonDocument.Parse(json);
        AnswerComposer.Format(name, value.RootElement).ShouldBe(expected);
    }
}
