using System.Globalization;
using System.Text.Json;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Kernel;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Agent.Evaluation;

/// <summary>
/// Suite <c>routing</c>: runs every case of <c>evals/datasets/routing.jsonl</c> through the offline planner and the
/// real kernel plugins, against the fixed workspace in <c>routing.workspace.json</c> (lead names and regions), with
/// dialogue state in memory so the eval never writes to the user's store.
/// tool_accuracy: turns whose tool (or deliberate absence of one) is right, over turns with an expectation.
/// argument_accuracy: turns expecting a tool where the tool and every expected key argument are right.
/// clarification_accuracy: over turns where the dataset expects a question back or the planner asked one, the share where both agree.
/// grounded_rate: over turns that called a tool, the share whose rendered answer states no number absent from the tool results and arguments.
/// </summary>
public sealed class RoutingEvalSuite(IServiceProvider services) : IEvalSuite
{
    public const string SuiteName = "routing";
    public const string DatasetName = "routing";

    public string Name => SuiteName;

    public async Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = LocateDataset("routing.jsonl");
        var cases = ReadCases(file);
        var workspace = JsonSerializer.Deserialize<RoutingWorkspace>(File.ReadAllText(LocateDataset("routing.workspace.json")))
            ?? throw new InvalidDataException("routing.workspace.json is empty.");
        context.Report($"routing: {cases.Count} cases");
        var result = await RunCasesAsync(cases, workspace, cancellationToken);
        var notes = new List<string>
        {
            $"{cases.Count} conversations, {result.Turns.Count} turns; offline planner with the plugins registered in this host ({string.Join(", ", services.GetRequiredService<CopilotToolset>().Specs.Select(s => s.Plugin).Distinct())}).",
            "Lead names and regions come from routing.workspace.json; dialogue state is kept in memory.",
        };
        notes.AddRange(result.Turns.Where(t => !t.ToolRight || (t.ExpectedTool is not null && !t.ArgumentsRight) || t.ExpectedClarify != t.Clarified).Take(15)
            .Select(t => $"miss {t.CaseId}: \"{t.Text}\" expected {t.ExpectedTool ?? (t.ExpectedClarify ? "clarification" : "no tool")} got {t.ActualTool ?? t.ActualKind}"));
        return [new EvalMeasurement(DatasetName, result.Metrics) { Notes = notes }];
    }

    /// <summary>Runs cases against a fixed workspace; used by the suite and by tests with their own cases.</summary>
    public async Task<RoutingRunResult> RunCasesAsync(IReadOnlyList<RoutingCase> cases, RoutingWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(workspace);
        var directory = new FixedPlannerDirectory(new PlannerDirectorySnapshot(
            new LeadNameIndex(workspace.Leads.Select(l => new LeadRef(l.Id, l.Name))), workspace.Regions));
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var prompts = services.GetRequiredService<PromptCatalog>();
        var composer = services.GetRequiredService<AnswerComposer>();
        var planner = new OfflinePlanner(services.GetRequiredService<IntentClassifier>(), services.GetRequiredService<SlotExtractor>(), directory, prompts, composer);
        var capture = new ResultCapture(new PlannerChatClient(planner, loggers.CreateLogger<PlannerChatClient>()));
        var client = new ChatClientBuilder(capture).UseKernelFunctionInvocation(loggers).Build(services);
        var dialogues = new InMemoryDialogueStore();
        var copilot = new CopilotService(client, services.GetRequiredService<CopilotToolset>(), dialogues, prompts, composer,
            Options.Create(new CopilotOptions()), loggers.CreateLogger<CopilotService>());
        var renderer = new MarkdownAnswerRenderer();

        var turns = new List<RoutingTurnResult>();
        foreach (var routingCase in cases)
        {
            var conversation = "eval-" + routingCase.Id;
            foreach (var turn in routingCase.Turns)
            {
                var before = await dialogues.LoadAsync(conversation, cancellationToken);
                capture.Results.Clear();
                var reply = await copilot.AskAsync(new CopilotRequest(conversation, turn.Text, "web"), cancellationToken);
                var call = reply.ToolCalls.Count > 0 ? reply.ToolCalls[^1] : null;
                var actualTool = call is null ? null : call.Plugin + "." + call.Function;
                var toolRight = turn.Tool is not null ? actualTool == turn.Tool : call is null && !turn.Clarify ? KindMatches(turn.Kind, reply.Answer.Kind) : call is null;
                var argsRight = turn.Tool is not null && toolRight && ArgumentsMatch(turn.Args, call!.Arguments, before);
                var clarified = call is null && reply.Answer.Kind == "clarification";
                bool? grounded = null;
                if (call is not null)
                {
                    var sources = capture.Results.Concat(reply.ToolCalls.Select(c => JsonSerializer.Serialize(c.Arguments))).ToList();
                    grounded = Groundedness.IsGrounded(renderer.Render(reply.Answer), sources);
                }

                turns.Add(new RoutingTurnResult(routingCase.Id, turn.Text, turn.Tool, turn.Clarify, actualTool, reply.Answer.Kind,
                    toolRight, argsRight, clarified, grounded));
            }
        }

        return new RoutingRunResult(turns, Metrics(turns));
    }

    private static Dictionary<string, double> Metrics(List<RoutingTurnResult> turns)
    {
        var withTool = turns.Where(t => t.ExpectedTool is not null).ToList();
        var clarifyUniverse = turns.Where(t => t.ExpectedClarify || t.Clarified).ToList();
        var grounded = turns.Where(t => t.Grounded is not null).ToList();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["tool_accuracy"] = Share(turns.Count(t => t.ToolRight), turns.Count),
            ["argument_accuracy"] = Share(withTool.Count(t => t.ArgumentsRight), withTool.Count),
            ["clarification_accuracy"] = Share(clarifyUniverse.Count(t => t.ExpectedClarify && t.Clarified), clarifyUniverse.Count),
            ["grounded_rate"] = Share(grounded.Count(t => t.Grounded == true), grounded.Count),
            ["turns"] = turns.Count,
        };
    }

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : Math.Round(part / (double)whole, 4);

    private static bool KindMatches(string? expected, string actual) =>
        expected is null || string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase)
        // "out of scope" and "help" both answer with the capability list; either is a correct refusal to guess.
        || (expected is OfflinePlanner.OutOfScope or OfflinePlanner.Help && actual is OfflinePlanner.OutOfScope or OfflinePlanner.Help);

    private static bool ArgumentsMatch(Dictionary<string, JsonElement>? expected, IReadOnlyDictionary<string, object?> actual, DialogueState before)
    {
        if (expected is null)
        {
            return true;
        }

        foreach (var (key, want) in expected)
        {
            var got = actual.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
            if (want.ValueKind == JsonValueKind.Null)
            {
                if (got is not null)
                {
                    return false;
                }

                continue;
            }

            if (got is null)
            {
                return false;
            }

            var gotText = got is JsonElement e ? e.ToString() : Convert.ToString(got, CultureInfo.InvariantCulture) ?? "";
            var wantText = want.ValueKind == JsonValueKind.String ? want.GetString()! : want.GetRawText();
            if (wantText.StartsWith("$last[", StringComparison.Ordinal))
            {
                var index = int.Parse(wantText[6..^1], CultureInfo.InvariantCulture);
                wantText = index < before.LastLeadIds.Count ? before.LastLeadIds[index].ToString(CultureInfo.InvariantCulture) : "<none>";
            }

            if (double.TryParse(wantText, NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                && double.TryParse(gotText, NumberStyles.Float, CultureInfo.InvariantCulture, out var g))
            {
                if (Math.Abs(w - g) > 1e-6 * Math.Max(1, Math.Abs(w)))
                {
                    return false;
                }
            }
            else if (!string.Equals(wantText.Trim(), gotText.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    public static List<RoutingCase> ReadCases(string file)
    {
        var cases = new List<RoutingCase>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var c = JsonSerializer.Deserialize<RoutingCase>(line) ?? throw new InvalidDataException($"{file}:{lineNo}: empty case.");
            if (c.Turns is not { Count: > 0 })
            {
                throw new InvalidDataException($"{file}:{lineNo}: case '{c.Id}' has no turns.");
            }

            cases.Add(c);
        }

        return cases;
    }

    /// <summary>The dataset beside the program (copied by the Evals project) or in the repository's evals/datasets.</summary>
    public static string LocateDataset(string fileName)
    {
        var besideProgram = Path.Combine(AppContext.BaseDirectory, "datasets", fileName);
        if (File.Exists(besideProgram))
        {
            return besideProgram;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "evals", "datasets", fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Eval dataset '{fileName}' not found beside the program or under evals/datasets.");
    }

    /// <summary>Keeps the tool results the planner is handed, so groundedness is checked against what the tools really returned.</summary>
    private sealed class ResultCapture(IChatClient inner) : DelegatingChatClient(inner)
    {
        public List<string> Results { get; } = [];

        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            Results.AddRange(list.SelectMany(m => m.Contents.OfType<Microsoft.Extensions.AI.FunctionResultContent>()).Select(r => Groundedness.SourceText(r.Result)));
            return base.GetResponseAsync(list, options, cancellationToken);
        }
    }
}

public sealed record RoutingRunResult(IReadOnlyList<RoutingTurnResult> Turns, IReadOnlyDictionary<string, double> Metrics);

public sealed record RoutingTurnResult(
    string CaseId, string Text, string? ExpectedTool, bool ExpectedClarify, string? ActualTool, string ActualKind,
    bool ToolRight, bool ArgumentsRight, bool Clarified, bool? Grounded);
