namespace JorgeCopilot.Agent.Planning;

/// <summary>One message as the planner read it: the parsed values, the lead names and region it mentions, the intent.</summary>
public sealed record PlannerRequest(
    string Text,
    ExtractedSlots Slots,
    LeadNameMatch Names,
    IReadOnlyList<string> NameWords,
    string? Region,
    IntentPrediction Prediction)
{
    /// <summary>The message names something concrete (a lead, a home, a ZIP, a region, a position in the last list).</summary>
    public bool HasEntity => Slots.LeadId is not null || Slots.Ordinal is not null || Names.Candidates.Count > 0 || Slots.Zip is not null
        || Slots.HasPropertyReference || Region is not null;

    /// <summary>The whole message is one number ("30236", "#30236"): in reply to "which lead?" it is the lead's id.</summary>
    public long? BareNumber => long.TryParse(Text.Trim().TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
