namespace JorgeCopilot.Agent.Planning;

/// <summary>Which lead a message means, if any.</summary>
public abstract record LeadResolution
{
    public sealed record Found(LeadRef Lead) : LeadResolution;

    public sealed record NotFound(long Id) : LeadResolution;

    public sealed record Ambiguous(IReadOnlyList<LeadRef> Candidates) : LeadResolution;

    /// <summary>Words that look like a name but match no lead.</summary>
    public sealed record Unknown(IReadOnlyList<string> Words) : LeadResolution;

    public sealed record None : LeadResolution;
}
