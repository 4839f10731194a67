using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using JorgeCopilot.Agent;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Intelligence.LeadScoring;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// One anonymous host and loopback channel shared by the tests of a class (tests use their own conversations). The
/// host answers with its real copilot from a copy of the trained workspace; <see cref="FaultInjectingCopilot"/> adds
/// only a reliably slow turn (typing indicator) and a failing one (apology), which the real copilot cannot produce on demand.
/// </summary>
public sealed class AnonymousHostFixture : IAsyncLifetime
{
    public LoopbackChannel Channel { get; private set; } = null!;

    public ChannelsHost Host { get; private set; } = null!;

    /// <summary>The ranking as the host's REST API gives it.</summary>
    public TopLeadsResponse Top { get; private set; } = null!;

    /// <summary>Stored leads (id, name) to ask about by id.</summary>
    public IReadOnlyList<(long Id, string Name)> Leads { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Channel = await LoopbackChannel.StartAsync();
        Host = await ChannelsHost.StartAsync(
            new() { ["Bot:TypingDelay"] = "00:00:00.500", ["Bot:TypingInterval"] = "00:00:00.400" },
            decorate: real => new FaultInjectingCopilot(real));
        Leads = await Host.LeadsAsync(skip: 10, take: 20);
        // Ranks once (the service keeps the ranking for a while) and warms the planner, so "fast turn" means warm.
        Top = await Host.TopLeadsAsync(5);
        await Host.Copilot.AskAsync(new CopilotRequest("warm-up", $"how likely is lead {Leads[^1].Id} to convert?", "webchat"), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Channel.DisposeAsync();
    }
}

/// <summary>/api/messages without an app id (anonymous), against the real host, its real copilot and a loopback channel.</summary>
public sealed class BotFrameworkEndpointTests(AnonymousHostFixture fixture) : IClassFixture<AnonymousHostFixture>
{
    private readonly LoopbackChannel _channel = fixture.Channel;
    private readonly ChannelsHost _host = fixture.Host;
    private readonly TopLeadsResponse _top = fixture.Top;

    private static string ScoreQuestion((long Id, string Name) lead) => $"how likely is lead {lead.Id} to convert?";

    [Fact]
    public async Task Message_is_accepted_at_once_and_the_ranking_is_threaded_back_through_the_connector()
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "who are my hottest leads?", _channel.ServiceUrl);

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, activity);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var reply = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem();
        reply["replyToId"]!.GetValue<string>().ShouldBe(activity["id"]!.GetValue<string>());
        reply["recipient"]!["id"]!.GetValue<string>().ShouldBe("user-1");
        var text = reply["text"]!.GetValue<string>();
        var positions = _top.Leads.Select(l => text.IndexOf($"| {l.LeadId} | {l.Name} |", StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0, text);
        positions.ShouldBeInOrder(SortDirection.Ascending);
        text.ShouldContain($"**Model version:** {await CopilotWorkspace.ChampionVersionAsync()}");
        reply["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["value"]!.GetValue<string>()).ShouldContain("explain the first one");
        _channel.Activities.Single(a => a.Activity == reply).Path
            .ShouldBe($"/v3/conversations/{conversation}/activities/{activity["id"]}");
        _channel.Activities.Single(a => a.Activity == reply).Authorization.ShouldBeNullOrEmpty();
        var request = _host.Copilot.Requests.Where(r => r.ConversationId == conversation).ShouldHaveSingleItem();
        request.Channel.ShouldBe("webchat");
        request.UserId.ShouldBe("user-1");
        _host.Copilot.RepliesIn(conversation).Single().ToolCalls.ShouldHaveSingleItem().Function.ShouldBe("rank_leads");
    }

    [Fact]
    public async Task Expect_replies_returns_the_lead_score_in_the_body_and_sends_nothing()
    {
        var conversation = TestActivities.NewConversation();
        var lead = fixture.Leads[0];
        var activity = TestActivities.Message(conversation, ScoreQuestion(lead), _channel.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, activity);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var reply = body["activities"]!.AsArray().ShouldHaveSingleItem()!;
        reply["type"]!.GetValue<string>().ShouldBe("message");
        var text = reply["text"]!.GetValue<string>();
        text.ShouldContain(lead.Name);
        text.ShouldContain($"**Lead id:** {lead.Id}\n");
        text.ShouldContain("**Probability %:**");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        _channel.MessagesFor(conversation, null).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_slow_turn_shows_typing_before_the_answer()
    {
        var conversation = TestActivities.NewConversation();
        var lead = fixture.Leads[1];
        using var response = await TestActivities.PostAsync(_host.MessagesUrl,
            TestActivities.Message(conversation, FaultInjectingCopilot.SlowPrefix + ScoreQuestion(lead), _channel.ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var answer = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem();
        answer["text"]!.GetValue<string>().ShouldContain(lead.Name);
        var types = _channel.MessagesFor(conversation, null).Select(a => a["type"]!.GetValue<string>()).ToList();
        types.ShouldContain("typing");
        types.IndexOf("typing").ShouldBeLessThan(types.IndexOf("message"));
        types.Count(t => t == "message").ShouldBe(1);
    }

    [Fact]
    public async Task A_fast_turn_sends_no_typing()
    {
        var conversation = TestActivities.NewConversation();
        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, ScoreQuestion(fixture.Leads[2]), _channel.ServiceUrl));

        (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem()["text"]!.GetValue<string>().ShouldContain(fixture.Leads[2].Name);
        _channel.MessagesFor(conversation, "typing").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_processed_once()
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, ScoreQuestion(fixture.Leads[3]), _channel.ServiceUrl);

        using var first = await TestActivities.PostAsync(_host.MessagesUrl, activity);
        using var second = await TestActivities.PostAsync(_host.MessagesUrl, activity);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        await _channel.WaitForAsync(conversation, 1);
        await Task.Delay(400, TestContext.Current.CancellationToken);
        _channel.MessagesFor(conversation).ShouldHaveSingleItem()["text"]!.GetValue<string>().ShouldContain(fixture.Leads[3].Name);
        _host.Copilot.Requests.Count(r => r.ConversationId == conversation).ShouldBe(1);
        await using var db = _host.CreateDbContext();
        (await db.CopilotDialogues.SingleAsync(d => d.ConversationId == conversation, TestContext.Current.CancellationToken)).TurnCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_turn_gets_a_polite_apology()
    {
        var conversation = TestActivities.NewConversation();
        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, FaultInjectingCopilot.Failure, _channel.ServiceUrl));

        var reply = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem();
        reply["text"]!.GetValue<string>().ShouldBe(TurnErrorHandler.Apology);
    }

    [Fact]
    public async Task Replies_are_retried_when_the_connector_answers_503_or_429()
    {
        var conversation = TestActivities.NewConversation();
        _channel.FailNext(2, 503);
        var before = _channel.Attempts;

        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, ScoreQuestion(fixture.Leads[4]), _channel.ServiceUrl));

        (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem()["text"]!.GetValue<string>().ShouldContain(fixture.Leads[4].Name);
        (_channel.Attempts - before).ShouldBe(3);

        var second = TestActivities.NewConversation();
        _channel.FailNext(1, 429);
        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(second, ScoreQuestion(fixture.Leads[5]), _channel.ServiceUrl));
        (await _channel.WaitForAsync(second, 1)).ShouldHaveSingleItem()["text"]!.GetValue<string>().ShouldContain(fixture.Leads[5].Name);
    }

    [Fact]
    public async Task Teams_messages_get_the_ranking_card_with_the_mention_stripped_and_its_explain_button_works()
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "<at>Jorge Copilot</at> who are my hottest leads?", _channel.ServiceUrl, "msteams");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Jorge Copilot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Jorge Copilot" },
        });

        await TestActivities.PostAsync(_host.MessagesUrl, activity);

        var reply = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem();
        _host.Copilot.Requests.Single(r => r.ConversationId == conversation).Text.ShouldBe("who are my hottest leads?");
        var card = reply["attachments"]![0]!["content"]!;
        card["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");
        TableNames(card).ShouldBe(_top.Leads.Select(l => l.Name));
        var explain = card["actions"]!.AsArray().First(a => a!["data"]!["verb"]!.GetValue<string>() == "explain")!;

        // Action.Submit comes back from Teams as a message with no text and the button's data as value.
        var click = TestActivities.Message(conversation, "", _channel.ServiceUrl, "msteams");
        click.Remove("text");
        click["value"] = explain["data"]!.DeepClone();
        await TestActivities.PostAsync(_host.MessagesUrl, click);

        var replies = await _channel.WaitForAsync(conversation, 2);
        replies.Count.ShouldBe(2);
        _host.Copilot.Requests.Last(r => r.ConversationId == conversation).Text.ShouldBe(explain["data"]!["text"]!.GetValue<string>());
        var why = replies[1]["attachments"]![0]!["content"]!.ToJsonString();
        why.ShouldContain("Why this score");
        why.ShouldContain(_top.Leads[0].Name);
        var call = _host.Copilot.RepliesIn(conversation)[1].ToolCalls.ShouldHaveSingleItem();
        call.Function.ShouldBe("explain_score");
        Convert.ToInt64(call.Arguments["leadId"]?.ToString(), CultureInfo.InvariantCulture).ShouldBe(_top.Leads[0].LeadId);
    }

    [Fact]
    public async Task Card_action_invoke_is_answered_in_the_response_with_a_card()
    {
        var conversation = TestActivities.NewConversation();
        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "who are my hottest leads?", _channel.ServiceUrl, "msteams"));
        var ranking = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem()["attachments"]![0]!["content"]!;
        var score = ranking["actions"]!.AsArray().First(a => a!["data"]!["text"]!.GetValue<string>().StartsWith("score", StringComparison.Ordinal))!;
        var invoke = TestActivities.Message(conversation, "", _channel.ServiceUrl, "msteams");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = score["data"]!["verb"]!.DeepClone(), ["data"] = score["data"]!.DeepClone() },
        };

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, invoke);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        body["statusCode"]!.GetValue<int>().ShouldBe(200);
        body["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        var card = body["value"]!.ToJsonString();
        card.ShouldContain("Lead score");
        card.ShouldContain(_top.Leads[0].Name);
        _host.Copilot.RepliesIn(conversation)[1].ToolCalls.ShouldHaveSingleItem().Function.ShouldBe("score_lead");

        var unknown = TestActivities.Message(conversation, "", _channel.ServiceUrl, "msteams");
        unknown["type"] = "invoke";
        unknown["name"] = "composeExtension/query";
        using var unsupported = await TestActivities.PostAsync(_host.MessagesUrl, unknown);
        unsupported.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
    }

    /// <summary>The lead names in a card's table, top to bottom (the column headed "Name").</summary>
    private static List<string> TableNames(JsonNode card)
    {
        var table = card["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "Table")!;
        var rows = table["rows"]!.AsArray().Select(r => r!["cells"]!.AsArray().Select(c => c!["items"]![0]!["text"]!.GetValue<string>()).ToList()).ToList();
        var column = rows[0].IndexOf("Name");
        column.ShouldBeGreaterThanOrEqualTo(0);
        return [.. rows.Skip(1).Select(r => r[column])];
    }

    [Fact]
    public async Task New_members_are_greeted_and_typing_and_end_of_conversation_are_acknowledged()
    {
        var conversation = TestActivities.NewConversation();
        var update = TestActivities.Message(conversation, "", _channel.ServiceUrl);
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot-1" }, new JsonObject { ["id"] = "user-1" });

        (await TestActivities.PostAsync(_host.MessagesUrl, update)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem()["text"]!.GetValue<string>().ShouldBe(BotTurnProcessor.Greeting);

        foreach (var type in new[] { "typing", "endOfConversation" })
        {
            var activity = TestActivities.Message(conversation, "", _channel.ServiceUrl);
            activity["type"] = type;
            (await TestActivities.PostAsync(_host.MessagesUrl, activity)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await Task.Delay(300, TestContext.Current.CancellationToken);
        _channel.MessagesFor(conversation).Count.ShouldBe(1);
        _host.Copilot.Requests.Count(r => r.ConversationId == conversation).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_bodies_are_400_problems()
    {
        using var http = new HttpClient();
        using var notJson = await http.PostAsync(_host.MessagesUrl, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        notJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notJson.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var noConversation = TestActivities.Message("x", "hi", _channel.ServiceUrl);
        noConversation.Remove("conversation");
        (await TestActivities.PostAsync(_host.MessagesUrl, noConversation)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var noServiceUrl = TestActivities.Message("x", "hi", _channel.ServiceUrl);
        noServiceUrl.Remove("serviceUrl");
        (await TestActivities.PostAsync(_host.MessagesUrl, noServiceUrl)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
