using System.Text.Json;
using System.Text.Json.Serialization;

namespace JorgeCopilot.Evals.Routing;

/// <summary>
/// One line of <c>evals/datasets/routing*.jsonl</c>: a conversation of one or more turns with what each should do.
/// A case runs only when every capability its expected tools belong to is installed; a case with <c>unless</c> runs only
/// while that capability is absent (the "not yet" questions). <c>set</c> groups cases for their own metric
/// ("followup", "not-yet").
/// </summary>
public sealed record RoutingCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("turns")] IReadOnlyList<RoutingTurn> Turns,
    [property: JsonPropertyName("set")] string? Set = null,
    [property: JsonPropertyName("unless")] string? Unless = null);

/// <param name="Text">What Jorge types.</param>
/// <param name="Tool">Expected "Plugin.function"; null when no tool should be called.</param>
/// <param name="Args">Expected key arguments; a JSON null means "must not be set"; "$last[i]" means the i-th lead of the previous answer.</param>
/// <param name="Clarify">True when the copilot should ask back instead of calling a tool.</param>
/// <param name="Kind">For no-tool turns: the expected answer kind (help, greeting, out_of_scope, unavailable, refusal, not-found).</param>
public sealed record RoutingTurn(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("tool")] string? Tool = null,
    [property: JsonPropertyName("args")] Dictionary<string, JsonElement>? Args = null,
    [property: JsonPropertyName("clarify")] bool Clarify = false,
    [property: JsonPropertyName("kind")] string? Kind = null);

/// <summary><c>evals/datasets/routing.workspace.json</c>: the leads and regions the routing cases talk about.</summary>
public sealed record RoutingWorkspace(
    [property: JsonPropertyName("leads")] IReadOnlyList<RoutingLead> Leads,
    [property: JsonPropertyName("regions")] IReadOnlyList<string> Regions);

public sealed record RoutingLead([property: JsonPropertyName("id")] long Id, [property: JsonPropertyName("name")] string Name);
