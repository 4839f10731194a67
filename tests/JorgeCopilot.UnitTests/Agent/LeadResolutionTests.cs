using JorgeCopilot.Agent.Planning;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

/// <summary>Leads are found by any display name (digits included) and by their CRM id; Jorge's own lead wins over a demo lead.</summary>
public sealed class LeadResolutionTests
{
    private static ServiceProvider Host() => AgentTestHost.Create(s => s.AddSingleton<IPlannerDirectory>(new FixedPlannerDirectory(new PlannerDirectorySnapshot(
        new LeadNameIndex(
            [
                .. JorgeCopilot.Tests.Shared.LeadScoringTestPlugin.Leads.Select(l => new LeadRef(l.Id, l.Name)),
                new LeadRef(501, "Visitor 6506"), new LeadRef(502, "Visitor 6507"), new LeadRef(503, "Visitor 10"),
                new LeadRef(601, "Nadia Park", IsDemo: true), new LeadRef(602, "Nadia Park", IsDemo: true), new LeadRef(603, "Nadia Park"),
                new LeadRef(701, "Ingrid Larsen", IsDemo: true), new LeadRef(702, "Ingrid Larsen", IsDemo: true),
            ],
            [KeyValuePair.Create("cJAWDskpkJHbRbhAT7bs", 55L), KeyValuePair.Create("row-000123", 7L)]),
        ["Seattle, WA"]))));

    [Theory]
    [InlineData("score Visitor 6506", "501")]
    [InlineData("how likely is visitor 6507 to convert?", "502")]
    public async Task A_name_with_digits_finds_its_lead(string question, string leadId)
    {
        await using var services = Host();

        var reply = await services.AskAsync(question, "r1");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        (call.Function, call.Arguments["leadId"]!.ToString()).ShouldBe(("score_lead", leadId));
    }

    [Theory]
    [InlineData("score cJAWDskpkJHbRbhAT7bs", "55")]
    [InlineData("score row-000123", "7")]
    public async Task An_external_id_finds_its_lead(string question, string leadId)
    {
        await using var services = Host();

        var reply = await services.AskAsync(question, "r2");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        (call.Function, call.Arguments["leadId"]!.ToString()).ShouldBe(("score_lead", leadId));
    }

    [Fact]
    public async Task A_number_in_a_ranking_question_is_not_taken_for_a_lead_named_with_it()
    {
        await using var services = Host();

        var reply = await services.AskAsync("top 10 leads", "r3");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        call.Function.ShouldBe("rank_leads");
    }

    [Fact]
    public async Task A_name_shared_with_demo_leads_means_Jorges_own_lead()
    {
        await using var services = Host();

        var reply = await services.AskAsync("score Nadia Park", "r4");

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        (call.Function, call.Arguments["leadId"]!.ToString()).ShouldBe(("score_lead", "603"));
    }

    [Fact]
    public async Task A_name_only_demo_leads_share_is_still_asked_about()
    {
        await using var services = Host();

        var reply = await services.AskAsync("score Ingrid Larsen", "r5");

        reply.ToolCalls.ShouldBeEmpty();
        reply.Answer.Kind.ShouldBe(Clarifier.ClarificationKind);
    }

    [Fact]
    public void The_index_matches_external_ids_whole_and_ignoring_case_never_by_typo()
    {
        var index = new LeadNameIndex([new LeadRef(1, "Ana Garcia")], [KeyValuePair.Create("AbCdEf123", 1L)]);

        index.Match(["abcdef123"]).Candidates.ShouldHaveSingleItem().Id.ShouldBe(1);
        index.Match(["abcdef124"]).Candidates.ShouldBeEmpty();
    }
}
