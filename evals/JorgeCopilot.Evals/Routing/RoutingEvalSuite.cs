using JorgeCopilot.Agent.Kernel;
using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Evals.Routing;

/// <summary>
/// Suite <c>routing</c>: every case of <c>evals/datasets/routing*.jsonl</c> through the offline planner and the real
/// capability plugins, on the eval's own prepared workspace (<see cref="RoutingWorkspaceHost"/>). Metrics: see
/// <see cref="RoutingRunner"/>.
/// </summary>
public sealed class RoutingEvalSuite(IConfiguration configuration) : IEvalSuite
{
    public const string SuiteName = "routing";
    public const string DatasetName = "routing";
    private const int MaxNotes = 15;

    public string Name => SuiteName;

    public async Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cases = RoutingDatasets.ReadAllCases();
        await using var workspace = await RoutingWorkspaceHost.CreateAsync(configuration, RoutingDatasets.ReadWorkspace(), context.Report, cancellationToken);
        context.Report($"routing: {cases.Count} cases");
        var result = await new RoutingRunner(workspace.Services).RunAsync(cases, cancellationToken);
        var plugins = workspace.Services.GetRequiredService<CopilotToolset>().Specs.Select(s => s.Plugin).Distinct();
        var notes = new List<string>
        {
            $"{cases.Count - result.NotRun} conversations, {result.Turns.Count} turns ({result.NotRun} cases not run: their capability is absent, or present for a \"not yet\" case); offline planner with the plugins {string.Join(", ", plugins)}.",
            "Workspace: a throwaway store with the bundled campaign's leads and a lead-scoring champion trained on them; lead names and regions from routing.workspace.json.",
        };
        notes.AddRange(result.Turns.Where(t => !t.FullyRight).Take(MaxNotes)
            .Select(t => $"miss {t.CaseId}: \"{t.Text}\" expected {t.ExpectedTool ?? (t.ExpectedClarify ? "clarification" : "no tool")} got {t.ActualTool ?? t.ActualKind}"));
        notes.AddRange(result.Turns.Where(t => t.Grounded == false).Take(MaxNotes)
            .Select(t => $"ungrounded {t.CaseId}: \"{t.Text}\" ({t.ActualTool}): the answer states a number no tool returned"));
        return [new EvalMeasurement(DatasetName, result.Metrics) { Notes = notes }];
    }
}
