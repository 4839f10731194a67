using JorgeCopilot.Agent.Planning;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

/// <summary>Conversations that once went wrong: follow-ups resolve against what was just shown, and nothing is guessed.</summary>
public sealed class ConversationTests
{
    private static ServiceProvider Host() => AgentTestHost.Create(s => s.AddSingleton<IPlannerDirectory>(new FixedPlannerDirectory(new PlannerDirectorySnapshot(
        new LeadNameIndex([
            .. JorgeCopilot.Tests.Shared.LeadScoringTestPlugin.Leads.Select(l => new LeadRef(l.Id, l.Name)),
            new LeadRef(301, "Lily Ramirez"), new LeadRef(302, "Lily Ramirez"), new LeadRef(304, "Lily Ramirez"), new LeadRef(30236, "Quinn Harper"),
        ]),
        ["Portland, ME", "Seattle, WA", "Portland, OR", "Denver, CO"]))));

    [Fact]
    public async Task And_the_second_one_after_a_ranking_scores_the_second_lead()
    {
        await using var services = Host();
        var ranking = await services.AskAsync("top 5 leads", "c1");
        var second = ranking.Answer.Table.ShouldNotBeNull().Rows[1];

        var reply = await services.AskAsync("and the second one?", "c1");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        call.Function.ShouldBe("score_lead");
        second.ShouldContain(call.Arguments["leadId"]!.ToString()!);
    }

    [Fact]
    public async Task A_bare_number_in_reply_to_which_lead_is_the_lead_id()
    {
        await using var services = Host();
        (await services.AskAsync("score the lead", "c2")).Answer.Kind.ShouldBe(Clarifier.ClarificationKind);

        var reply = await services.AskAsync("30236", "c2");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        (call.Function, call.Arguments["leadId"]!.ToString()).ShouldBe(("score_lead", "30236"));
    }

    [Fact]
    public async Task A_shared_name_means_the_lead_just_shown()
    {
        await using var services = Host();
        var ranking = await services.AskAsync("top 11 leads", "c3");
        ranking.Answer.Table.ShouldNotBeNull().Rows.ShouldContain(r => r.Contains("Lily Ramirez"));

        var reply = await services.AskAsync("why is Lily Ramirez hot?", "c3");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        (call.Function, call.Arguments["leadId"]!.ToString()).ShouldBe(("explain_score", "303"));
    }

    [Fact]
    public async Task A_shared_name_with_nothing_shown_is_asked_about()
    {
        await using var services = Host();

        var reply = await services.AskAsync("why is Lily Ramirez hot?", "c4");

        reply.ToolCalls.ShouldBeEmpty();
        reply.Answer.Kind.ShouldBe(Clarifier.ClarificationKind);
    }

    [Fact]
    public async Task A_place_name_in_several_states_means_the_one_near_the_home_market()
    {
        await using var services = Host();
        await services.AskAsync("seattle market trends", "c5");

        var reply = await services.AskAsync("and Portland?", "c5");

        reply.ToolCalls.ShouldHaveSingleItem().Arguments["region"]!.ToString().ShouldBe("Portland, OR");
    }

    [Fact]
    public async Task A_city_narrows_undervalued_homes_to_its_zip_codes()
    {
        await using var services = Host();

        var reply = await services.AskAsync("undervalued homes in Seattle", "c6");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        call.Function.ShouldBe("find_undervalued");
        call.Arguments["city"]!.ToString().ShouldBe("Seattle");
        call.Arguments.ShouldNotContainKey("zip");
    }

    [Theory]
    [InlineData("show me winning conversations about price objections")]
    [InlineData("will I make $60k commission this quarter?")]
    [InlineData("what will Fatima object to?")]
    [InlineData("whats priya shahs phone number")]
    public async Task A_question_for_a_capability_that_is_not_installed_gets_not_yet(string question)
    {
        await using var services = Host();

        var reply = await services.AskAsync(question, "c7");

        reply.ToolCalls.ShouldBeEmpty();
        reply.Answer.Kind.ShouldBe(DialogueIntents.Unavailable);
        reply.Answer.Text.ShouldContain("isn't installed");
    }

    [Theory]
    [InlineData("what's the weather in Seattle tomorrow")]
    [InlineData("convert 100 usd to euros")]
    public async Task A_question_outside_the_business_calls_no_tool(string question)
    {
        await using var services = Host();

        var reply = await services.AskAsync(question, "c8");

        reply.ToolCalls.ShouldBeEmpty();
        reply.Answer.Kind.ShouldBe(DialogueIntents.OutOfScope);
    }
}
