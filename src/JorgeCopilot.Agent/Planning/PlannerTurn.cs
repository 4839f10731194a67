using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The per-turn context the copilot hands the offline planner through <c>ChatOptions.AdditionalProperties</c>:
/// the dialogue state to read and update, and the structured answer the planner composes.
/// </summary>
public sealed class PlannerTurn(DialogueState state)
{
    public const string Key = "jorge.planner.turn";

    public DialogueState State { get; } = state;

    public StructuredAnswer? Answer { get; set; }
}
