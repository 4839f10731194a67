namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>What the model sees of one lead: its record and its message history, whatever the source.</summary>
public sealed record LeadRecord(
    string Key,
    string? Source,
    string? Channel,
    DateTime? CreatedAt,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<LeadMessageEvent> Messages)
{
    public static LeadRecord FromAttributes(string key, IReadOnlyDictionary<string, string> attributes) =>
        new(key, null, null, null, attributes, []);
}

/// <summary>One message, without its text (the model uses timing and channel only).</summary>
public sealed record LeadMessageEvent(bool Inbound, string Channel, DateTime SentAt);

/// <summary>A lead with its known outcome; <see cref="Order"/> keeps the source's time order.</summary>
public sealed record LeadExample(LeadRecord Lead, bool Converted, long Order);
