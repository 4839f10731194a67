using System.Net;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>POST /api/sms: Twilio-style signed form posts against the real host, its real copilot and a trained store.</summary>
public sealed class SmsWebhookTests : IAsyncLifetime
{
    private const string AuthToken = "test-twilio-auth-token";
    private const string Phone = "+12065550123";
    private const string BotFrameworkSmsSender = "+12065550999";
    private ChannelsHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ChannelsHost.StartAsync(new()
        {
            ["Sms:AuthToken"] = AuthToken,
            ["Sms:AllowedSenders:0"] = Phone,
            ["Sms:AllowedSenders:1"] = BotFrameworkSmsSender,
        });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string body, string? signatureOverride = null, string from = Phone)
    {
        var url = _host.BaseUrl + "/api/sms";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC0000",
            ["From"] = from,
            ["To"] = "+12065550100",
            ["Body"] = body,
        };
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signatureOverride ?? TwilioSignature.Compute(AuthToken, url, form));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_signed_message_is_answered_by_the_copilot_with_twiml_plain_text()
    {
        var top = await _host.TopLeadsAsync(5);

        var (status, body) = await SendAsync("who are my hottest leads?");

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldStartWith("<?xml");
        body.ShouldContain("<Response><Message>");
        var first = body.IndexOf(top.Leads[0].Name, StringComparison.Ordinal);
        first.ShouldBeGreaterThan(0, body);
        body.IndexOf(top.Leads[1].Name, first, StringComparison.Ordinal).ShouldBeGreaterThan(first, body);
        body.ShouldNotContain("**");
        body.ShouldNotContain("| ");
        var request = _host.Copilot.Requests.ShouldHaveSingleItem();
        request.Channel.ShouldBe("sms");
        request.ConversationId.ShouldStartWith("sms-");
        request.ConversationId.ShouldNotContain("2065550123");
        _host.Copilot.Replies.Single().ToolCalls.ShouldHaveSingleItem().Function.ShouldBe("rank_leads");
    }

    [Fact]
    public async Task A_bad_signature_is_403_and_nothing_is_processed()
    {
        var (status, _) = await SendAsync("rank my leads", signatureOverride: "bm90IGEgc2lnbmF0dXJl");

        status.ShouldBe(HttpStatusCode.Forbidden);
        _host.Copilot.Requests.ShouldBeEmpty();
        await using var db = _host.CreateDbContext();
        (await db.ChannelActivityReceipts.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task Stop_silences_the_number_until_start_and_help_always_answers()
    {
        var (_, stopReply) = await SendAsync("Stop");
        stopReply.ShouldContain("unsubscribed");
        await using (var db = _host.CreateDbContext())
        {
            (await db.SmsOptOuts.SingleAsync(TestContext.Current.CancellationToken)).PhoneNumber.ShouldBe(Phone);
        }

        var (_, silent) = await SendAsync("rank my leads");
        silent.ShouldBe("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        _host.Copilot.Requests.ShouldBeEmpty();

        var (_, help) = await SendAsync("HELP");
        help.ShouldContain("Reply STOP to unsubscribe");

        var (_, startReply) = await SendAsync("start");
        startReply.ShouldContain("resubscribed");
        await using (var db = _host.CreateDbContext())
        {
            (await db.SmsOptOuts.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        }

        var lead = (await _host.LeadsAsync(skip: 7, take: 1)).Single();
        var (_, answered) = await SendAsync($"how likely is lead {lead.Id} to convert?");
        answered.ShouldContain(lead.Name);
        _host.Copilot.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Bot_framework_sms_channel_honours_opt_outs_too()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        var conversation = TestActivities.NewConversation();
        var stop = TestActivities.Message(conversation, "UNSUBSCRIBE", channel.ServiceUrl, "sms");
        stop["from"]!["id"] = "+12065550999";
        await TestActivities.PostAsync(_host.MessagesUrl, stop);
        (await channel.WaitForAsync(conversation, 1)).Single()["text"]!.GetValue<string>().ShouldContain("unsubscribed");

        var ask = TestActivities.Message(conversation, "rank my leads", channel.ServiceUrl, "sms");
        ask["from"]!["id"] = "+12065550999";
        await TestActivities.PostAsync(_host.MessagesUrl, ask);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        channel.MessagesFor(conversation).Count.ShouldBe(1);
        _host.Copilot.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stranger_texting_in_gets_an_empty_reply_and_no_data()
    {
        var (status, body) = await SendAsync("who are my hottest leads?", from: "+14155550100");

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        _host.Copilot.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stranger_on_a_bot_framework_sms_channel_gets_nothing()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        var conversation = TestActivities.NewConversation();
        var ask = TestActivities.Message(conversation, "who are my hottest leads?", channel.ServiceUrl, "sms");
        ask["from"]!["id"] = "+14155550100";

        (await TestActivities.PostAsync(_host.MessagesUrl, ask)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Task.Delay(1000, TestContext.Current.CancellationToken);

        channel.MessagesFor(conversation).ShouldBeEmpty();
        _host.Copilot.Requests.ShouldBeEmpty();
    }
}
