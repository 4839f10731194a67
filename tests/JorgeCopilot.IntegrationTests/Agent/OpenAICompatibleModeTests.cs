using System.Text.Json;
using System.Text.Json.Nodes;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Agent;

/// <summary>
/// Copilot:Provider=openai through Semantic Kernel's OpenAI connector. The model is the one fake in the agent's tests,
/// and it sits at the wire: a Kestrel server on loopback speaking the OpenAI chat-completions protocol, because no LLM
/// can run here. It returns a real tool call first, then a final answer built from the tool result it was sent.
/// </summary>
public sealed class OpenAICompatibleModeTests : IAsyncLifetime
{
    private WebApplication _stub = null!;
    private readonly List<JsonNode> _requests = [];

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _stub = builder.Build();
        _stub.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var request = (await JsonNode.ParseAsync(http.Request.Body))!;
            lock (_requests)
            {
                _requests.Add(request);
            }

            var messages = request["messages"]!.AsArray();
            var toolResult = messages.LastOrDefault(m => (string?)m!["role"] == "tool");
            JsonObject message;
            string finish;
            if (toolResult is null)
            {
                var scoreTool = request["tools"]!.AsArray().Select(t => (string)t!["function"]!["name"]!).First(n => n.EndsWith("score_lead", StringComparison.Ordinal));
                message = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_stub_1",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = scoreTool, ["arguments"] = "{\"leadId\":12}" },
                    }),
                };
                finish = "tool_calls";
            }
            else
            {
                var result = JsonNode.Parse((string)toolResult["content"]!)!;
                message = new JsonObject { ["role"] = "assistant", ["content"] = $"{result["name"]} is {result["band"]} at {result["probabilityPercent"]}%." };
                finish = "stop";
            }

            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-stub",
                ["object"] = "chat.completion",
                ["created"] = 1_764_000_000,
                ["model"] = "stub-model",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
            });
        });
        await _stub.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Llm_mode_calls_the_plugin_the_model_asks_for_and_keeps_facts_grounded()
    {
        var address = _stub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Copilot:Provider"] = "openai",
            ["Copilot:Endpoint"] = address + "/v1",
            ["Copilot:Model"] = "stub-model",
            ["Copilot:ApiKey"] = "test-key",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDialogueStore, InMemoryDialogueStore>();
        services.AddContractTestPlugins();
        services.AddJorgeAgent(configuration);
        await using var provider = services.BuildServiceProvider();

        var reply = await provider.GetRequiredService<ICopilot>().AskAsync(new CopilotRequest("llm", "how hot is Ana?", "web"), TestContext.Current.CancellationToken);

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        call.Plugin.ShouldBe("LeadScoring");
        call.Function.ShouldBe("score_lead");
        reply.Answer.Kind.ShouldBe("llm");
        reply.Answer.Text.ShouldContain("Ana Garcia");
        reply.Answer.Facts.ShouldContain(f => f.SourceTool == "LeadScoring.score_lead");
        _requests.Count.ShouldBe(2);
        _requests[0]["tools"]!.AsArray().Count.ShouldBe(9);
        ((string)_requests[0]["messages"]![0]!["content"]!).ShouldContain("Every number you state must come from a tool result");

        // The next turn replays the previous exchange, so the model can resolve "her".
        await provider.GetRequiredService<ICopilot>().AskAsync(new CopilotRequest("llm", "and why is she hot?", "web"), TestContext.Current.CancellationToken);
        var replay = _requests[2]["messages"]!.AsArray().Select(m => (string?)m!["content"]).ToList();
        replay.ShouldContain("how hot is Ana?");
        replay.ShouldContain(reply.Answer.Text);
    }
}
