using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Evals.Routing;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class RoutingEvalTests
{
    [Fact]
    public async Task Routing_cases_meet_the_gated_thresholds_on_the_contract_plugins()
    {
        var workspace = RoutingDatasets.ReadWorkspace();
        await using var services = AgentTestHost.Create(s => s.AddSingleton<IPlannerDirectory>(new FixedPlannerDirectory(new PlannerDirectorySnapshot(
            new LeadNameIndex(workspace.Leads.Select(l => new LeadRef(l.Id, l.Name))), workspace.Regions))));
        var result = await new RoutingRunner(services).RunAsync(RoutingDatasets.ReadAllCases(), TestContext.Current.CancellationToken);
        var misses = string.Join("\n", result.Turns.Where(t => !t.FullyRight)
            .Select(t => $"miss {t.CaseId}: \"{t.Text}\" expected {t.ExpectedTool ?? (t.ExpectedClarify ? "clarification" : "no tool")} got {t.ActualTool ?? t.ActualKind}"));

        var metrics = result.Metrics;
        TestContext.Current.SendDiagnosticMessage(string.Join(", ", metrics.Select(m => $"{m.Key}={m.Value}")));
        metrics["turns"].ShouldBeGreaterThanOrEqualTo(150);
        foreach (var (metric, gate) in Thresholds.Minimums("routing", "routing"))
        {
            metrics[metric].ShouldBeGreaterThanOrEqualTo(gate, $"{metric}\n{misses}");
        }
    }

    [Fact]
    public void Eval_utterances_are_not_training_utterances()
    {
        var prompts = new PromptCatalog();
        var training = IntentClassifier.LoadUtterances(prompts, new SlotExtractor(TimeProvider.System), BuiltInCapabilities.Create());
        var cases = RoutingDatasets.ReadAllCases();
        var raw = cases.SelectMany(c => c.Turns).Select(t => t.Text.ToLowerInvariant()).ToList();
        raw.Count.ShouldBeGreaterThanOrEqualTo(150);
        var trainingRaw = prompts.Names.Where(n => n.StartsWith("planner/", StringComparison.Ordinal))
            .SelectMany(n => prompts.Get(n).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!.ToLowerInvariant())
            .ToHashSet();
        raw.Where(trainingRaw.Contains).ShouldBeEmpty();
        training.Count.ShouldBeGreaterThan(300);
    }
}
