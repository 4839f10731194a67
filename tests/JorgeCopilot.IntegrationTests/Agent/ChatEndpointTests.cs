using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Sms;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Agent;

public sealed class ChatEndpointTests : IAsyncLifetime
{
    private JorgeApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        var store = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);
        await AgentStoreTests.SeedLeadsAsync(store);
        // The endpoint's HTTP contract is under test, on deterministic contract-shaped plugins: the real LeadScoring
        // plugin needs a trained model in the store, which this test does not spend minutes producing.
        _factory = new JorgeApiFactory(store.Connection.ConnectionString, s =>
        {
            s.ReplaceWithContractTestPlugins();
        });
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_chat_answers_and_keeps_the_conversation()
    {
        var client = _factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var first = await client.PostAsJsonAsync("/api/v1/chat", new { text = "top 3 leads" }, ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>(ct);
        var conversation = body.GetProperty("conversationId").GetString()!;
        body.GetProperty("toolCalls")[0].GetProperty("function").GetString().ShouldBe("rank_leads");
        body.GetProperty("answer").GetString()!.ShouldContain("|");

        var second = await client.PostAsJsonAsync("/api/v1/chat", new { text = "score the first one", conversationId = conversation, channel = "sms" }, ct);
        var next = await second.Content.ReadFromJsonAsync<JsonElement>(ct);
        next.GetProperty("toolCalls")[0].GetProperty("function").GetString().ShouldBe("score_lead");
        SmsSegments.Count(next.GetProperty("answer").GetString()!).ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task Bad_requests_get_problem_details()
    {
        var client = _factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var missing = await client.PostAsJsonAsync("/api/v1/chat", new { conversationId = "x" }, ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync(ct)).ShouldContain("text");

        var channel = await client.PostAsJsonAsync("/api/v1/chat", new { text = "hi", channel = "fax" }, ct);
        channel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        channel.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Ten_kilobytes_is_a_400_problem_naming_text_like_any_question_over_the_limit()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/chat", new { text = new string('x', 10_240) }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("errors").TryGetProperty("text", out _).ShouldBeTrue();
    }
}

public sealed class CopilotOptionsOnStartTests
{
    [Fact]
    public async Task Host_refuses_to_start_with_an_unknown_provider()
    {
        var store = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);
        await using var factory = new JorgeApiFactory(store.Connection.ConnectionString)
            .WithWebHostBuilder(b => b.UseSetting("Copilot:Provider", "claude"));
        var error = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());
        error.Message.ShouldContain("Copilot:Provider");
    }
}
