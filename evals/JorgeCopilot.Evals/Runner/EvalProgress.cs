namespace JorgeCopilot.Evals.Runner;

/// <summary>What the runner is doing: a suite started, reported a step, or finished.</summary>
public sealed record EvalProgress(string Suite, EvalProgressKind Kind, string Message);

public enum EvalProgressKind
{
    Started,
    Step,
    Finished,
    Failed,
}
