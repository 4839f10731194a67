using System.Net;
using System.Text.Json;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Core.Health;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>Activities that must not silence the bot: refused at the door when malformed, survived when they fail inside a turn.</summary>
public sealed class TurnResilienceTests(AnonymousHostFixture fixture) : IClassFixture<AnonymousHostFixture>
{
    private readonly LoopbackChannel _channel = fixture.Channel;
    private readonly ChannelsHost _host = fixture.Host;

    [Theory]
    [InlineData("not a url")]
    [InlineData("/v3/relative")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://example.com/")]
    public async Task A_serviceUrl_the_anonymous_bot_may_not_call_is_a_400_problem_and_nothing_is_queued(string serviceUrl)
    {
        var conversation = TestActivities.NewConversation();

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "who are my hottest leads?", serviceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        _host.Copilot.Requests.Count(r => r.ConversationId == conversation).ShouldBe(0);
    }

    [Fact]
    public async Task Failing_turns_on_every_worker_leave_every_worker_answering()
    {
        var queue = _host.Services.GetRequiredService<TurnQueue>();
        // A loopback port nobody listens on: the turn's replies and its apology both fail to send.
        var deadServiceUrl = "http://127.0.0.1:9/";
        for (var worker = 0; worker < queue.Workers; worker++)
        {
            foreach (var serviceUrl in new[] { _channel.ServiceUrl, deadServiceUrl })
            {
                var failing = ConversationOn(queue, worker);
                var accepted = await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(failing, FaultInjectingCopilot.Failure, serviceUrl));
                accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            }
        }

        var healthy = new List<string>();
        for (var worker = 0; worker < queue.Workers; worker++)
        {
            var conversation = ConversationOn(queue, worker);
            healthy.Add(conversation);
            await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "who are my hottest leads?", _channel.ServiceUrl));
        }

        foreach (var conversation in healthy)
        {
            var reply = (await _channel.WaitForAsync(conversation, 1, timeoutMs: 90_000)).ShouldHaveSingleItem();
            reply["text"]!.GetValue<string>().ShouldNotBe(TurnErrorHandler.Apology);
        }

        queue.RunningWorkers.ShouldBe(queue.Workers);
    }

    [Fact]
    public async Task Health_reports_every_turn_worker_running()
    {
        var contributor = _host.Services.GetServices<IHealthContributor>().OfType<TurnWorkersHealth>().ShouldHaveSingleItem();

        var health = await contributor.CheckAsync(TestContext.Current.CancellationToken);

        health.State.ShouldBe(HealthState.Healthy);
        JsonSerializer.Serialize(health.Data).ShouldContain("\"running\":8");
    }

    private static string ConversationOn(TurnQueue queue, int worker)
    {
        while (true)
        {
            var conversation = TestActivities.NewConversation();
            if (queue.WorkerFor(conversation) == worker)
            {
                return conversation;
            }
        }
    }
}
