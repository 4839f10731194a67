using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JorgeCopilot.UnitTests.Agent;

/// <summary>The agent layer with the contract-shaped plugins, a fixed lead directory and in-memory dialogue state (no store).</summary>
internal static class AgentTestHost
{
    public static readonly string[] Regions = ["Seattle, WA", "Portland, OR", "Denver, CO", "Phoenix, AZ", "United States"];

    public static ServiceProvider Create(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPlannerDirectory>(new FixedPlannerDirectory(new PlannerDirectorySnapshot(
            new LeadNameIndex(LeadScoringTestPlugin.Leads.Select(l => new LeadRef(l.Id, l.Name))), Regions)));
        services.AddSingleton<IDialogueStore, InMemoryDialogueStore>();
        services.AddContractTestPlugins();
        services.AddJorgeAgent();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static Task<CopilotReply> AskAsync(this IServiceProvider services, string text, string conversation = "t") =>
        services.GetRequiredService<ICopilot>().AskAsync(new CopilotRequest(conversation, text, "web"), TestContext.Current.CancellationToken);
}
