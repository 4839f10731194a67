using System.Text.Json;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Cli.Commands;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class AskCommandJsonTests
{
    [Fact]
    public async Task Json_output_has_answer_tool_calls_and_conversation()
    {
        await using var services = AgentTestHost.Create();
        var reply = await services.AskAsync("score lead 7", "json");
        var json = JsonDocument.Parse(AskCommand.ToJson(reply, new MarkdownAnswerRenderer().Render(reply.Answer))).RootElement;
        json.GetProperty("conversationId").GetString().ShouldBe("json");
        json.GetProperty("answer").GetString()!.ShouldContain("Maya Chen");
        var call = json.GetProperty("toolCalls").EnumerateArray().ShouldHaveSingleItem();
        call.GetProperty("plugin").GetString().ShouldBe("LeadScoring");
        call.GetProperty("function").GetString().ShouldBe("score_lead");
        call.GetProperty("arguments").GetProperty("leadId").GetInt64().ShouldBe(7);
    }
}
