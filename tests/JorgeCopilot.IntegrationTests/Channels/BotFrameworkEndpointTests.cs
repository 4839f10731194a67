using System.Net;
using System.Text.Json.Nodes;
using JorgeCopilot.Channels.BotFramework;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>One anonymous host and loopback channel shared by the tests of a class (tests use their own conversations).</summary>
public sealed class AnonymousHostFixture : IAsyncLifetime
{
    public LoopbackChannel Channel { get; private set; } = null!;

    public ChannelsHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Channel = await LoopbackChannel.StartAsync();
        Host = await ChannelsHost.StartAsync(new() { ["Bot:TypingDelay"] = "00:00:00.500", ["Bot:TypingInterval"] = "00:00:00.400" });
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Channel.DisposeAsync();
    }
}

/// <summary>/api/messages without an app id (anonymous), against the real host and a loopback channel.</summary>
public sealed class BotFrameworkEndpointTests(AnonymousHostFixture fixture) : IClassFixture<AnonymousHostFixture>
{
    private readonly LoopbackChannel _channel = fixture.Channel;
    private readonly ChannelsHost _host = fixture.Host;

    [Fact]
    public async Task Message_is_accepted_at_once_and_the_reply_is_threaded_through_the_connector()
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "hello there", _channel.ServiceUrl);

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, activity);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var reply = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem();
        reply["replyToId"]!.GetValue<string>().ShouldBe(activity["id"]!.GetValue<string>());
        reply["text"]!.GetValue<string>().ShouldBe("Echo (turn 1): hello there");
        reply["recipient"]!["id"]!.GetValue<string>().ShouldBe("user-1");
        _channel.Activities.Single(a => a.Activity == reply).Path
            .ShouldBe($"/v3/conversations/{conversation}/activities/{activity["id"]}");
        _channel.Activities.Single(a => a.Activity == reply).Authorization.ShouldBeNullOrEmpty();
        var request = _host.Copilot.Requests.Where(r => r.ConversationId == conversation).ShouldHaveSingleItem();
        request.ConversationId.ShouldBe(conversation);
        request.Channel.ShouldBe("webchat");
        request.UserId.ShouldBe("user-1");
    }

    [Fact]
    public async Task Expect_replies_returns_the_replies_in_the_body_and_sends_nothing()
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "price parcel 7129300520", _channel.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, activity);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var reply = body["activities"]!.AsArray().ShouldHaveSingleItem()!;
        reply["type"]!.GetValue<string>().ShouldBe("message");
        reply["text"]!.GetValue<string>().ShouldContain("$512,000");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        _channel.MessagesFor(conversation, null).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_slow_turn_shows_typing_before_the_answer()
    {
        var conversation = TestActivities.NewConversation();
        using var response = await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "slow question", _channel.ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _channel.WaitForAsync(conversation, 1);
        var all = _channel.MessagesFor(conversation, null);
        var types = all.Select(a => a["type"]!.GetValue<string>()).ToList();
        types.ShouldContain("typing");
        types.IndexOf("typing").ShouldBeLessThan(types.IndexOf("message"));
        types.Count(t => t == "message").ShouldBe(1);
    }

    [Fact]
    public async Task A_fast_turn_sends_no_typing()
    {
        var conversation = TestActivities.NewConversation();
        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "quick one", _channel.ServiceUrl));

        await _channel.WaitForAsync(conversation, 1);
        _channel.MessagesFor(conversation, "typing").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_processed_once()
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "only once", _channel.ServiceUrl);

        using var first = await TestActivities.PostAsync(_host.MessagesUrl, activity);
        using var second = await TestActivities.PostAsync(_host.MessagesUrl, activity);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        await _channel.WaitForAsync(conversation, 1);
        await Task.Delay(400, TestContext.Current.CancellationToken);
        _channel.MessagesFor(conversation).Count.ShouldBe(1);
        _host.Copilot.Requests.Count(r => r.ConversationId == conversation).ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_turn_gets_a_polite_apology()
    {
        var conversation = TestActivities.NewConversation();
        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "boom", _channel.ServiceUrl));

        var reply = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem();
        reply["text"]!.GetValue<string>().ShouldBe(TurnErrorHandler.Apology);
    }

    [Fact]
    public async Task Replies_are_retried_when_the_connector_answers_503_or_429()
    {
        var conversation = TestActivities.NewConversation();
        _channel.FailNext(2, 503);
        var before = _channel.Attempts;

        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "retry me", _channel.ServiceUrl));

        (await _channel.WaitForAsync(conversation, 1)).Count.ShouldBe(1);
        (_channel.Attempts - before).ShouldBe(3);

        var second = TestActivities.NewConversation();
        _channel.FailNext(1, 429);
        await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(second, "throttled", _channel.ServiceUrl));
        (await _channel.WaitForAsync(second, 1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Teams_messages_get_cards_with_the_mention_stripped_and_buttons_come_back()
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "<at>Jorge Copilot</at> rank my leads", _channel.ServiceUrl, "msteams");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Jorge Copilot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Jorge Copilot" },
        });

        await TestActivities.PostAsync(_host.MessagesUrl, activity);

        var reply = (await _channel.WaitForAsync(conversation, 1)).ShouldHaveSingleItem();
        _host.Copilot.Requests.Single(r => r.ConversationId == conversation).Text.ShouldBe("rank my leads");
        var card = reply["attachments"]![0]!["content"]!;
        card["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");
        var submit = card["actions"]!.AsArray().First(a => a!["data"]!["verb"]!.GetValue<string>() == "draft-follow-ups")!;

        // Action.Submit comes back from Teams as a message with no text and the button's data as value.
        var click = TestActivities.Message(conversation, "", _channel.ServiceUrl, "msteams");
        click.Remove("text");
        click["value"] = submit["data"]!.DeepClone();
        await TestActivities.PostAsync(_host.MessagesUrl, click);

        var replies = await _channel.WaitForAsync(conversation, 2);
        replies.Count.ShouldBe(2);
        _host.Copilot.Requests.Last(r => r.ConversationId == conversation).Text.ShouldBe("draft follow-ups for these leads");
    }

    [Fact]
    public async Task Card_action_invoke_is_answered_in_the_response_with_a_card()
    {
        var conversation = TestActivities.NewConversation();
        var invoke = TestActivities.Message(conversation, "", _channel.ServiceUrl, "msteams");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "explain", ["data"] = new JsonObject { ["verb"] = "explain", ["text"] = "explain the top lead" } },
        };

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, invoke);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        body["statusCode"]!.GetValue<int>().ShouldBe(200);
        body["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        body["value"]!["body"]!.ToJsonString().ShouldContain("Employment rate falling");

        var unknown = TestActivities.Message(conversation, "", _channel.ServiceUrl, "msteams");
        unknown["type"] = "invoke";
        unknown["name"] = "composeExtension/query";
        using var unsupported = await TestActivities.PostAsync(_host.MessagesUrl, unknown);
        unsupported.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
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
