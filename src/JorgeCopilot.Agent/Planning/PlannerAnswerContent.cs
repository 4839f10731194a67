using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Rendering;
using Microsoft.Extensions.AI;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The offline planner's final answer as content of its last chat message: the structured answer and the dialogue
/// state after this turn. The copilot reads both off the response; nothing is passed back through a side object.
/// </summary>
public sealed class PlannerAnswerContent(StructuredAnswer answer, DialogueState state) : AIContent
{
    /// <summary><c>ChatOptions.AdditionalProperties</c> key under which the copilot hands the planner the conversation's state (read-only to the planner).</summary>
    public const string StateKey = "jorge.dialogue.state";

    public StructuredAnswer Answer { get; } = answer;

    public DialogueState State { get; } = state;
}
