using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Agent.Planning;

/// <summary>What the planner decided for one message: call a tool, or answer directly (help, clarification, refusal).</summary>
public abstract record PlannerDecision;

public sealed record CallTool(ToolSpec Tool, IReadOnlyDictionary<string, object?> Arguments, string? Subject) : PlannerDecision;

public sealed record ReplyDirectly(StructuredAnswer Answer) : PlannerDecision;
