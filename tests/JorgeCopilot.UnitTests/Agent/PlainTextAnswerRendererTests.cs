using JorgeCopilot.Agent.Rendering;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class PlainTextAnswerRendererTests
{
    private static readonly StructuredAnswer Answer = new("Your hottest leads by rank_leads: run jorge train <task> first.")
    {
        Facts = [new AnswerFact("Model version", "3", "LeadScoring.rank_leads")],
        Table = new AnswerTable(["Lead id", "Name"], [["12", "Ana_Garcia"], ["40", "Luis Garcia"]], "LeadScoring.rank_leads"),
        TableTitle = "Ranked",
    };

    [Fact]
    public void The_terminal_shows_text_without_markdown_escapes()
    {
        var text = new PlainTextAnswerRenderer().Render(Answer);

        text.ShouldContain("rank_leads");
        text.ShouldContain("<task>");
        text.ShouldContain("Ana_Garcia");
        text.ShouldNotContain("\\");
        text.ShouldNotContain("**");
        text.ShouldNotContain("&lt;");
    }

    [Fact]
    public void Table_columns_are_aligned_under_their_caption()
    {
        var lines = new PlainTextAnswerRenderer().Render(Answer).Split('\n');

        var header = Array.IndexOf(lines, "Ranked") + 1;
        lines[header].ShouldBe("Lead id  Name");
        lines[header + 2].ShouldBe("12       Ana_Garcia");
    }
}
