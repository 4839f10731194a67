using Shouldly;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// The official Bot Framework JS SDK (botbuilder / botframework-connector 4.23.3) as channel and skill host against
/// the real host on loopback. Needs tests/channels-harness/install.sh to have run (npm ci).
/// </summary>
public sealed class NodeHarnessTests : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChannelsHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Js_sdk_suite_passes_every_case()
    {
        var (exit, stdout, stderr) = await ChannelsHarness.RunAsync("node", ["harness.js", "--bot", _host.MessagesUrl, "--mode", "suite"], TimeSpan.FromMinutes(2));
        TestContext.Current.SendDiagnosticMessage(stdout);

        var summary = ChannelsHarness.Summary(stdout, stderr);
        var cases = summary["cases"]!.AsArray().Select(c => (Name: c!["name"]!.GetValue<string>(), Ok: c["ok"]!.GetValue<bool>(), Detail: c["detail"]!.ToString())).ToList();
        cases.Where(c => !c.Ok).Select(c => $"{c.Name}: {c.Detail}").ShouldBeEmpty(stderr);
        cases.Select(c => c.Name).ShouldBe(["message round trip", "multi-turn follow-up", "expectReplies", "teams card reply", "sms plain reply", "invoke", "conversationUpdate greeting"]);
        exit.ShouldBe(0);

        // What the copilot saw: the dialogue key, channel and cleaned text the SDK's activities must have produced.
        var requests = _host.Copilot.Requests.ToList();
        requests.Where(r => r.ConversationId == "js-multiturn").Select(r => r.Text).ShouldBe(["my name is Sam", "what did I just tell you?"]);
        requests.Single(r => r.ConversationId == "js-teams").Text.ShouldBe("rank my leads");
        requests.Single(r => r.ConversationId == "js-teams").Channel.ShouldBe("msteams");
        requests.Single(r => r.ConversationId == "js-sms").Channel.ShouldBe("sms");
        requests.Single(r => r.ConversationId == "js-invoke").Text.ShouldBe("explain the top lead");
    }

    [Fact]
    public async Task Burst_of_200_messages_over_20_conversations_loses_and_duplicates_nothing()
    {
        var (exit, stdout, stderr) = await ChannelsHarness.RunAsync("node", ["harness.js", "--bot", _host.MessagesUrl, "--mode", "burst"], TimeSpan.FromMinutes(3));
        TestContext.Current.SendDiagnosticMessage(stdout);

        var summary = ChannelsHarness.Summary(stdout, stderr);
        summary["passed"]!.GetValue<bool>().ShouldBeTrue(stdout + stderr);
        exit.ShouldBe(0);
        var burst = _host.Copilot.Requests.Where(r => r.ConversationId.StartsWith("js-burst-", StringComparison.Ordinal)).ToList();
        burst.Count.ShouldBe(200);
        burst.Select(r => r.Text).Distinct().Count().ShouldBe(200);
        burst.GroupBy(r => r.ConversationId).Count().ShouldBe(20);
    }
}
