namespace JorgeCopilot.Agent.Planning;

/// <summary>The planner's own intents, besides the capabilities' "Plugin.function" ones (<c>prompts/planner/dialogue.jsonl</c>, <c>not-yet.jsonl</c>).</summary>
public static class DialogueIntents
{
    public const string Help = "help";
    public const string Greeting = "greeting";
    public const string OutOfScope = "out_of_scope";
    public const string FollowUp = "followup";

    /// <summary>Something Jorge's business needs but no installed capability does: answered "not yet", never with a nearby tool.</summary>
    public const string Unavailable = "unavailable";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Help, Greeting, OutOfScope, FollowUp, Unavailable };
}
