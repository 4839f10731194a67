using System.Text.Json;

namespace JorgeCopilot.Agent.Dialogue;

internal static class DialogueJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(DialogueState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>A deep copy: the planner works on its own copy and hands the new state back with its answer.</summary>
    public static DialogueState Copy(DialogueState state) => Read(Write(state));

    /// <summary>Unreadable or older-shaped state starts a fresh dialogue rather than failing the turn.</summary>
    public static DialogueState Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<DialogueState>(json, Options) is { Version: 1 } state ? state : new DialogueState();
        }
        catch (JsonException)
        {
            return new DialogueState();
        }
    }
}
