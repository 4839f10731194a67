using System.Globalization;
using System.Text.Json.Nodes;
using JorgeCopilot.Agent;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// The official Bot Framework JS SDK (botbuilder / botframework-connector 4.23.3) as channel and skill host against
/// the real host on loopback, answering with its real copilot from a copy of the trained <see cref="CopilotWorkspace"/>.
/// What the store holds (the ranking from the host's REST API, lead names from the database, the champion's version)
/// is handed to the harness, which asserts the replies against it. Needs tests/channels-harness/install.sh (npm ci).
/// </summary>
public sealed class NodeHarnessTests : IAsyncLifetime
{
    private ChannelsHost _host = null!;
    private string _expectFile = null!;

    public async ValueTask InitializeAsync()
    {
        // The harness texts from this number on its SMS channel; only configured senders get answers.
        _host = await ChannelsHost.StartAsync(new() { ["Sms:AllowedSenders:0"] = "+12065550111" });
        var version = await CopilotWorkspace.ChampionVersionAsync();
        var top = await _host.TopLeadsAsync(5);
        top.ModelVersion.ShouldBe(version);
        top.Leads.Count.ShouldBe(5);
        var lead = (await _host.LeadsAsync(skip: 41, take: 1)).Single();
        var burst = await _host.LeadsAsync(skip: 100, take: 200);
        var expect = new JsonObject
        {
            ["modelVersion"] = version,
            ["top"] = new JsonArray([.. top.Leads.Select(l => Lead(l.LeadId, l.Name))]),
            ["lead"] = Lead(lead.Id, lead.Name),
            ["burst"] = new JsonArray([.. burst.Select(l => Lead(l.Id, l.Name))]),
        };
        _expectFile = Path.Combine(Path.GetTempPath(), $"jorge-harness-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_expectFile, expect.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_expectFile);
    }

    private static JsonObject Lead(long id, string name) => new() { ["id"] = id, ["name"] = name };

    private Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string mode, TimeSpan timeout) =>
        ChannelsHarness.RunAsync("node", ["harness.js", "--bot", _host.MessagesUrl, "--expect", _expectFile, "--mode", mode], timeout);

    [Fact]
    public async Task Js_sdk_suite_passes_every_case_against_the_real_copilot()
    {
        var (exit, stdout, stderr) = await RunAsync("suite", TimeSpan.FromMinutes(2));
        TestContext.Current.SendDiagnosticMessage(stdout);

        var summary = ChannelsHarness.Summary(stdout, stderr);
        var cases = summary["cases"]!.AsArray().Select(c => (Name: c!["name"]!.GetValue<string>(), Ok: c["ok"]!.GetValue<bool>(), Detail: c["detail"]!.ToString())).ToList();
        cases.Where(c => !c.Ok).Select(c => $"{c.Name}: {c.Detail}").ShouldBeEmpty(stderr);
        cases.Select(c => c.Name).ShouldBe(["message round trip", "multi-turn follow-up", "expectReplies", "variants expectReplies", "teams card reply", "card button (message back)", "invoke", "sms plain reply", "conversationUpdate greeting"]);
        exit.ShouldBe(0);

        // What the copilot was handed: the dialogue key, channel and cleaned text the SDK's activities must produce.
        var top = await _host.TopLeadsAsync(5);
        var requests = _host.Copilot.Requests.ToList();
        requests.Where(r => r.ConversationId == "js-multiturn").Select(r => r.Text).ShouldBe(["who are my hottest leads?", "why is the second one hot?"]);
        requests.Where(r => r.ConversationId == "js-teams").Select(r => r.Text).ShouldBe(["who are my hottest leads?", "score the first one"]);
        requests.Where(r => r.ConversationId == "js-teams").ShouldAllBe(r => r.Channel == "msteams");
        requests.Where(r => r.ConversationId == "js-invoke").Select(r => r.Text).ShouldBe(["who are my hottest leads?", "explain the first one"]);
        requests.Single(r => r.ConversationId == "js-sms").Channel.ShouldBe("sms");

        // And what it did with them: the real plugins, on the lead the earlier answer put in that place.
        Call(_host.Copilot.RepliesIn("js-multiturn")[1]).ShouldBe(("explain_score", top.Leads[1].LeadId));
        Call(_host.Copilot.RepliesIn("js-teams")[1]).ShouldBe(("score_lead", top.Leads[0].LeadId));
        Call(_host.Copilot.RepliesIn("js-invoke")[1]).ShouldBe(("explain_score", top.Leads[0].LeadId));
        await using var db = _host.CreateDbContext();
        (await db.CopilotDialogues.SingleAsync(d => d.ConversationId == "js-multiturn", TestContext.Current.CancellationToken)).TurnCount.ShouldBe(2);
    }

    [Fact]
    public async Task Burst_of_200_messages_over_20_conversations_loses_and_duplicates_nothing()
    {
        var (exit, stdout, stderr) = await RunAsync("burst", TimeSpan.FromMinutes(3));
        TestContext.Current.SendDiagnosticMessage(stdout);

        var summary = ChannelsHarness.Summary(stdout, stderr);
        summary["passed"]!.GetValue<bool>().ShouldBeTrue(stdout + stderr);
        exit.ShouldBe(0);
        var burst = _host.Copilot.Requests.Where(r => r.ConversationId.StartsWith("js-burst-", StringComparison.Ordinal)).ToList();
        burst.Count.ShouldBe(200);
        burst.Select(r => r.Text).Distinct().Count().ShouldBe(200);
        burst.GroupBy(r => r.ConversationId).Count().ShouldBe(20);
        _host.Copilot.Replies.Where(r => r.ConversationId.StartsWith("js-burst-", StringComparison.Ordinal))
            .ShouldAllBe(r => r.ToolCalls.Count == 1 && r.ToolCalls[0].Function == "score_lead");
    }

    private static (string Function, long LeadId) Call(CopilotReply reply)
    {
        var call = reply.ToolCalls.ShouldHaveSingleItem();
        return (call.Function, Convert.ToInt64(call.Arguments["leadId"]?.ToString(), CultureInfo.InvariantCulture));
    }
}
