using System.Text.Json.Nodes;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.Teams;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.IntegrationTests.Channels;
using JorgeCopilot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.ThrowawayCapability;

/// <summary>
/// The capability contract's promise: a capability added as one folder, registered once, is routed to by the offline
/// planner and rendered on every channel, with no change to the agent or the channels.
/// </summary>
public sealed class OpenHouseCapabilityTests
{
    [Fact]
    public async Task A_capability_added_as_one_folder_is_routed_to_and_rendered_on_web_teams_and_sms()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPlannerDirectory>(new FixedPlannerDirectory(PlannerDirectorySnapshot.Empty));
        services.AddSingleton<IDialogueStore, InMemoryDialogueStore>();
        services.AddContractTestPlugins();
        services.AddCapability(new OpenHouseCapability());
        services.AddJorgeAgent();
        await using var provider = services.BuildServiceProvider();

        var reply = await provider.GetRequiredService<ICopilot>().AskAsync(
            new CopilotRequest("open-houses", "how many open houses are there in 98103 this weekend?", "web"), TestContext.Current.CancellationToken);

        var call = reply.ToolCalls.ShouldHaveSingleItem();
        (call.Plugin, call.Function).ShouldBe(("OpenHouses", "count_open_houses"));
        call.Arguments["zip"]!.ToString().ShouldBe("98103");
        reply.Answer.Kind.ShouldBe("open-houses");
        reply.Answer.Actions.ShouldHaveSingleItem().Text.ShouldBe("housing market trends");

        new MarkdownAnswerRenderer().Render(reply.Answer).ShouldContain("37");
        new MarkdownAnswerRenderer().Render(reply.Answer).ShouldContain("](data:image/png;base64,");
        var sms = new SmsAnswerRenderer().Render(reply.Answer);
        sms.ShouldContain("37");
        sms.ShouldNotContain("base64");

        var card = TeamsAnswerCards.Render(reply.Answer, new Uri("https://jorge.example/"));
        AdaptiveCardSchemaRules.Validate(card).ShouldBeEmpty();
        var body = card["body"]!.AsArray().OfType<JsonObject>().ToList();
        body[0]["text"]!.GetValue<string>().ShouldBe("Open houses this weekend");
        body.ShouldContain(e => e["type"]!.GetValue<string>() == "ColumnSet" && e.ToJsonString().Contains("37", StringComparison.Ordinal));
        body.ShouldContain(e => e["type"]!.GetValue<string>() == "Image");
        card["actions"]!.AsArray().ShouldHaveSingleItem();
    }
}
