using System.Globalization;
using System.Text.Json;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Kernel;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Evals.Routing;

/// <summary>
/// Runs routing cases through a composed copilot and scores each turn.
/// tool_accuracy: turns whose tool (or deliberate absence of one) is right, over turns run.
/// argument_accuracy: turns expecting a tool where the tool and every expected key argument are right.
/// clarification_accuracy: over turns where the dataset expects a question back or the planner asked one, the share where both agree.
/// grounded_rate: over turns that called a tool, the share whose rendered answer states no number absent from the tool results and arguments.
/// followup_accuracy / not_yet_accuracy: turns fully right, over the turns of the "followup" / "not-yet" cases.
/// </summary>
public sealed class RoutingRunner(IServiceProvider services)
{
    public async Task<RoutingRunResult> RunAsync(IReadOnlyList<RoutingCase> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var copilot = services.GetRequiredService<ICopilot>();
        var dialogues = services.GetRequiredService<IDialogueStore>();
        var renderer = services.GetRequiredService<MarkdownAnswerRenderer>();
        var installed = services.GetRequiredService<CopilotToolset>().Specs.Select(s => s.Plugin).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var runnable = cases.Where(c => Runs(c, installed)).ToList();
        var run = Guid.NewGuid().ToString("N")[..8];
        var turns = new List<RoutingTurnResult>();
        foreach (var routingCase in runnable)
        {
            var conversation = $"eval-{run}-{routingCase.Id}";
            foreach (var turn in routingCase.Turns)
            {
                var before = await dialogues.LoadAsync(conversation, cancellationToken);
                var reply = await copilot.AskAsync(new CopilotRequest(conversation, turn.Text, "web"), cancellationToken);
                var call = reply.ToolCalls.Count > 0 ? reply.ToolCalls[^1] : null;
                var actualTool = call is null ? null : call.Plugin + "." + call.Function;
                var toolRight = turn.Tool is not null ? actualTool == turn.Tool : call is null && !turn.Clarify ? KindMatches(turn.Kind, reply.Answer.Kind) : call is null;
                var argsRight = turn.Tool is not null && toolRight && ArgumentsMatch(turn.Args, call!.Arguments, before);
                var clarified = call is null && reply.Answer.Kind == Clarifier.ClarificationKind;
                bool? grounded = null;
                if (call is not null)
                {
                    var sources = reply.ToolCalls.Select(c => c.Result ?? "").Concat(reply.ToolCalls.Select(c => JsonSerializer.Serialize(c.Arguments))).ToList();
                    grounded = Groundedness.IsGrounded(renderer.Render(reply.Answer with { Chart = null }), sources);
                }

                turns.Add(new RoutingTurnResult(routingCase.Id, routingCase.Set, turn.Text, turn.Tool, turn.Clarify, actualTool, reply.Answer.Kind,
                    toolRight, argsRight, clarified, grounded));
            }
        }

        return new RoutingRunResult(turns, Metrics(turns), cases.Count - runnable.Count);
    }

    /// <summary>A case runs when its tools' capabilities are installed, and a "not yet" case only while its capability is absent.</summary>
    private static bool Runs(RoutingCase routingCase, HashSet<string> installed) =>
        (routingCase.Unless is null || !installed.Contains(routingCase.Unless))
        && routingCase.Turns.All(t => t.Tool is null || installed.Contains(t.Tool.Split('.')[0]));

    private static Dictionary<string, double> Metrics(List<RoutingTurnResult> turns)
    {
        var withTool = turns.Where(t => t.ExpectedTool is not null).ToList();
        var clarifyUniverse = turns.Where(t => t.ExpectedClarify || t.Clarified).ToList();
        var grounded = turns.Where(t => t.Grounded is not null).ToList();
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["tool_accuracy"] = Share(turns.Count(t => t.ToolRight), turns.Count),
            ["argument_accuracy"] = Share(withTool.Count(t => t.ArgumentsRight), withTool.Count),
            ["clarification_accuracy"] = Share(clarifyUniverse.Count(t => t.ExpectedClarify && t.Clarified), clarifyUniverse.Count),
            ["grounded_rate"] = Share(grounded.Count(t => t.Grounded == true), grounded.Count),
            ["turns"] = turns.Count,
        };
        foreach (var (set, key) in new[] { ("followup", "followup_accuracy"), ("not-yet", "not_yet_accuracy") })
        {
            var inSet = turns.Where(t => t.Set == set).ToList();
            if (inSet.Count > 0)
            {
                metrics[key] = Share(inSet.Count(t => t.FullyRight), inSet.Count);
            }
        }

        return metrics;
    }

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : Math.Round(part / (double)whole, 4);

    private static bool KindMatches(string? expected, string actual) =>
        expected is null || string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase)
        // "out of scope" and "help" both answer with the capability list; either is a correct refusal to guess.
        || (expected is DialogueIntents.OutOfScope or DialogueIntents.Help && actual is DialogueIntents.OutOfScope or DialogueIntents.Help);

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
            // A month ("2015-12") is met by any day in it ("2015-12-31"): tools take either.
            else if (!string.Equals(wantText.Trim(), gotText.Trim(), StringComparison.OrdinalIgnoreCase)
                && !(System.Text.RegularExpressions.Regex.IsMatch(wantText, @"^\d{4}-\d{2}$") && gotText.StartsWith(wantText + "-", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}

/// <param name="NotRun">Cases left out because their capability is not installed (or, for "not yet" cases, is).</param>
public sealed record RoutingRunResult(IReadOnlyList<RoutingTurnResult> Turns, IReadOnlyDictionary<string, double> Metrics, int NotRun);

public sealed record RoutingTurnResult(
    string CaseId, string? Set, string Text, string? ExpectedTool, bool ExpectedClarify, string? ActualTool, string ActualKind,
    bool ToolRight, bool ArgumentsRight, bool Clarified, bool? Grounded)
{
    public bool FullyRight => ToolRight && (ExpectedTool is null || ArgumentsRight) && ExpectedClarify == Clarified;
}
