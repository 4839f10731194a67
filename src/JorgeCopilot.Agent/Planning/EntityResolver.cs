using JorgeCopilot.Agent.Dialogue;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// Turns what a message says into the entities a tool needs: a lead (by id, position in the last list, name — preferring
/// the leads just shown when a name is shared — or the lead in focus) and a home (address, parcel, position, focus).
/// </summary>
public sealed class EntityResolver(IPlannerDirectory directory, RequestReader reader)
{
    public async Task<LeadResolution> ResolveLeadAsync(PlannerRequest request, DialogueState state, bool followUp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        var slots = request.Slots;
        if (slots.LeadId is { } id)
        {
            return await directory.FindLeadAsync(id, ct) is { } lead ? new LeadResolution.Found(lead) : new LeadResolution.NotFound(id);
        }

        if (slots.Ordinal is { } ordinal && At(state.LastLeadIds, ordinal) is { } listed)
        {
            return new LeadResolution.Found(await directory.FindLeadAsync(listed, ct) ?? new LeadRef(listed, $"lead {listed}"));
        }

        var candidates = request.Names.Candidates;
        if (candidates.Count > 1)
        {
            // "Why is Lily Ramirez hot?" right after a list that showed one Lily Ramirez means that one.
            var shown = candidates.Where(c => state.LastLeadIds.Contains(c.Id) || c.Id == state.FocusLeadId).ToList();
            candidates = shown.Count == 1 ? shown : candidates;
        }

        if (candidates.Count == 1)
        {
            return new LeadResolution.Found(candidates[0]);
        }

        if (candidates.Count > 1)
        {
            return new LeadResolution.Ambiguous(candidates);
        }

        if (request.NameWords.Count > 0 && !slots.RefersToPrevious && !followUp && request.Names.MatchedWords.Count == 0 && reader.LooksLikeName(request.NameWords))
        {
            return new LeadResolution.Unknown(request.NameWords);
        }

        if (state.FocusLeadId is { } focus && !followUp)
        {
            return new LeadResolution.Found(await directory.FindLeadAsync(focus, ct) ?? new LeadRef(focus, $"lead {focus}"));
        }

        return new LeadResolution.None();
    }

    public ValueTask<LeadRef?> FindLeadAsync(long id, CancellationToken ct) => directory.FindLeadAsync(id, ct);

    /// <summary>The home a message refers to: its address or parcel, a position in the last list, or the home in focus.</summary>
    public static string? Property(ExtractedSlots slots, DialogueState state, bool parcelIsSeparate)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(state);
        if ((slots.Address ?? (parcelIsSeparate ? null : slots.ParcelId)) is { } named)
        {
            return named;
        }

        if (slots.Ordinal is { } ordinal && state.LastProperties.Count > 0)
        {
            return At(state.LastProperties, ordinal);
        }

        return slots.RefersToPrevious || slots is { Zip: null, HasPropertyReference: false } ? state.FocusProperty : null;
    }

    /// <summary>Lead id at a 0-based position (-1 = last), or null past the end.</summary>
    public static long? At(IReadOnlyList<long> list, int ordinal) => Index(list.Count, ordinal) is { } i ? list[i] : null;

    /// <summary>Home at a 0-based position (-1 = last), or null past the end.</summary>
    public static string? At(IReadOnlyList<string> list, int ordinal) => Index(list.Count, ordinal) is { } i ? list[i] : null;

    private static int? Index(int count, int ordinal)
    {
        var index = ordinal < 0 ? count - 1 : ordinal;
        return index >= 0 && index < count ? index : null;
    }
}
