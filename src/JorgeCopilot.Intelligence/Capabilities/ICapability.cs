using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Capabilities;

/// <summary>
/// A capability (lead scoring, pricing, market, ...) is one folder that registers itself once: its services, kernel
/// plugin, trainer, eval suite and health contributor in <see cref="AddServices"/>, its REST endpoints in
/// <see cref="MapEndpoints"/>. How its answers look is declared on the plugin's functions (<see cref="AnswerAttribute"/>,
/// <see cref="FollowUpAttribute"/>, <see cref="NeedsOneOfAttribute"/>), so the agent and the channels never name it.
/// </summary>
public interface ICapability
{
    /// <summary>The kernel plugin's name and the prefix of its planner intents, e.g. "LeadScoring" ("LeadScoring.rank_leads").</summary>
    string Name { get; }

    /// <summary>Planner training utterances: files under <c>prompts/</c> (JSON lines of <c>{"text","intent"}</c>) and inline examples.</summary>
    PlannerExamples Examples { get; }

    void AddServices(IServiceCollection services);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <summary>Where the offline planner learns to route to a capability's functions.</summary>
/// <param name="Files">Prompt names such as <c>planner/lead-scoring.jsonl</c>.</param>
/// <param name="Inline">Utterance and function name pairs, for capabilities that keep their examples in code.</param>
public sealed record PlannerExamples(IReadOnlyList<string> Files, IReadOnlyList<PlannerExample> Inline)
{
    public static PlannerExamples FromFile(string file) => new([file], []);
}

/// <param name="Function">The plugin function the utterance asks for, e.g. "rank_leads".</param>
public sealed record PlannerExample(string Text, string Function);
