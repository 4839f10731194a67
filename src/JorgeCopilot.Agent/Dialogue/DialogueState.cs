using System.Text.Json;

namespace JorgeCopilot.Agent.Dialogue;

/// <summary>
/// What the copilot remembers between two messages of one conversation: the last tool and its arguments, the
/// entities of the last answer (so "the second one" and "why?" work) and a pending clarification question.
/// Serialised to JSON in the store (<c>copilot_dialogues</c>).
/// </summary>
public sealed class DialogueState
{
    public int Version { get; set; } = 1;
    public int Turns { get; set; }
    /// <summary>"Plugin.function" of the last tool call.</summary>
    public string? LastTool { get; set; }
    public Dictionary<string, JsonElement> LastArguments { get; set; } = [];
    /// <summary>Lead ids in the order the last answer listed them.</summary>
    public List<long> LastLeadIds { get; set; } = [];
    /// <summary>Addresses or parcel ids in the order the last answer listed them.</summary>
    public List<string> LastProperties { get; set; } = [];
    public long? FocusLeadId { get; set; }
    public string? FocusProperty { get; set; }
    public PendingQuestion? Pending { get; set; }
    /// <summary>The last few question/answer texts, replayed to an LLM (the offline planner keeps entities instead).</summary>
    public List<DialogueMessage> History { get; set; } = [];
}

public sealed record DialogueMessage(string Role, string Text);

/// <summary>A question the copilot asked back and the call it will make once answered.</summary>
public sealed class PendingQuestion
{
    public required string Tool { get; set; }
    public Dictionary<string, JsonElement> Arguments { get; set; } = [];
    /// <summary>Parameter the answer fills (e.g. "leadId").</summary>
    public required string Missing { get; set; }
    public List<PendingCandidate> Candidates { get; set; } = [];
}

public sealed record PendingCandidate(long Id, string Name);
