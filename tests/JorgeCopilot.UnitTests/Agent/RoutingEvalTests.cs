using JorgeCopilot.Agent.Evaluation;
using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

public sealed class RoutingEvalTests
{
    [Fact]
    public async Task Routing_suite_meets_the_quality_bar_on_the_contract_plugins()
    {
        await using var services = AgentTestHost.Create();
        var suite = services.GetServices<IEvalSuite>().OfType<RoutingEvalSuite>().ShouldHaveSingleItem();
        var output = Directory.CreateTempSubdirectory("routing-eval").FullName;
        var measurement = (await suite.RunAsync(new EvalContext(output), TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        foreach (var note in measurement.Notes)
        {
            TestContext.Current.SendDiagnosticMessage(note);
        }

        var metrics = measurement.Metrics;
        TestContext.Current.SendDiagnosticMessage(string.Join(", ", metrics.Select(m => $"{m.Key}={m.Value}")));
        metrics["turns"].ShouldBeGreaterThanOrEqualTo(150);
        metrics["tool_accuracy"].ShouldBeGreaterThanOrEqualTo(0.95);
        metrics["argument_accuracy"].ShouldBeGreaterThanOrEqualTo(0.90);
        metrics["clarification_accuracy"].ShouldBeGreaterThanOrEqualTo(0.8);
        metrics["grounded_rate"].ShouldBe(1.0);
    }

    [Fact]
    public void Eval_utterances_are_not_training_utterances()
    {
        var training = JorgeCopilot.Agent.Planning.IntentClassifier.LoadUtterances(new JorgeCopilot.Agent.Prompts.PromptCatalog(), new JorgeCopilot.Agent.Planning.SlotExtractor(TimeProvider.System))
            .Select(u => u.Text).ToHashSet();
        var extractor = new JorgeCopilot.Agent.Planning.SlotExtractor(TimeProvider.System);
        var cases = RoutingEvalSuite.ReadCases(RoutingEvalSuite.LocateDataset("routing.jsonl"));
        var raw = cases.SelectMany(c => c.Turns).Select(t => t.Text.ToLowerInvariant()).ToList();
        raw.Count.ShouldBeGreaterThanOrEqualTo(150);
        var prompts = new JorgeCopilot.Agent.Prompts.PromptCatalog();
        var trainingRaw = prompts.Names.Where(n => n.StartsWith("planner/", StringComparison.Ordinal))
            .SelectMany(n => prompts.Get(n).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!.ToLowerInvariant())
            .ToHashSet();
        raw.Where(trainingRaw.Contains).ShouldBeEmpty();
        training.Count.ShouldBeGreaterThan(300);
        _ = extractor;
    }
}
