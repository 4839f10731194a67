using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The offline planner: guards the input, reads the message (<see cref="RequestReader"/>), answers a pending question,
/// decides which installed tool the message asks for — or that none does ("not yet", out of scope) — and binds its
/// arguments (<see cref="ArgumentBinder"/>). It never guesses: a missing or ambiguous argument becomes a question back.
/// It knows no capability: tools, their answers and follow-ups come from what each capability declared.
/// </summary>
public sealed class OfflinePlanner(
    RequestReader reader,
    IPlannerDirectory directory,
    ArgumentBinder binder,
    EntityResolver entities,
    Clarifier clarifier,
    AnswerComposer composer)
{
    /// <summary>Below this the model is unsure; with nothing concrete in the message the planner says what it can do instead.</summary>
    private const float MinConfidence = 0.30f;

    /// <summary>A confident request for something else abandons a pending question.</summary>
    private const float SwitchConfidence = 0.5f;

    public async Task<PlannerDecision> PlanAsync(string text, IReadOnlyList<ToolSpec> tools, DialogueState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(state);
        if (InputGuard.IsInjection(text))
        {
            state.Pending = null;
            return clarifier.Fixed("refusal", "answers/refusal.md", tools);
        }

        var request = reader.Read(text, await directory.GetSnapshotAsync(cancellationToken));
        if (state.Pending is { } pending)
        {
            state.Pending = null;
            if (await ResolvePendingAsync(pending, request, tools, cancellationToken) is { } resumed)
            {
                return resumed;
            }
        }

        var prediction = request.Prediction;
        if (prediction.Intent == DialogueIntents.FollowUp || (prediction.Confidence < MinConfidence && request.HasEntity && state.LastTool is not null))
        {
            return await FollowUpAsync(request, tools, state, cancellationToken);
        }

        var intent = prediction.Confidence < MinConfidence && !request.HasEntity ? DialogueIntents.OutOfScope : prediction.Intent;
        switch (intent)
        {
            case DialogueIntents.Greeting:
                return clarifier.Fixed("greeting", "answers/greeting.md", tools);
            case DialogueIntents.Help:
                return clarifier.Fixed("help", "answers/help.md", tools);
            case DialogueIntents.OutOfScope:
                return clarifier.Fixed(DialogueIntents.OutOfScope, "answers/out_of_scope.md", tools);
        }

        return Find(tools, intent) is { } tool
            ? await binder.BindAsync(tool, request, state, carried: null, cancellationToken)
            : clarifier.Fixed(DialogueIntents.Unavailable, "answers/unavailable.md", tools);
    }

    /// <summary>Composes the final answer from a tool result and moves the dialogue on.</summary>
    public StructuredAnswer Complete(ToolSpec tool, IReadOnlyDictionary<string, object?> arguments, object? result, string? subject, DialogueState state)
    {
        var composed = composer.Compose(tool, arguments, result, subject);
        DialogueUpdater.Record(state, tool, arguments, composed);
        return composed.Answer;
    }

    /// <summary>
    /// "and for 98103?" repeats the last call with what changed; "and the second one?" after a list asks the list's
    /// item function (declared by its capability) about that row instead of repeating the list.
    /// </summary>
    private async Task<PlannerDecision> FollowUpAsync(PlannerRequest request, IReadOnlyList<ToolSpec> tools, DialogueState state, CancellationToken ct)
    {
        if (state.LastTool is null)
        {
            return clarifier.Fixed(DialogueIntents.OutOfScope, "answers/out_of_scope.md", tools);
        }

        if (Find(tools, state.LastTool) is not { } last)
        {
            return clarifier.Fixed(DialogueIntents.Unavailable, "answers/unavailable.md", tools);
        }

        var slots = request.Slots;
        var aboutARow = slots.Ordinal is not null || slots.LeadId is not null || request.Names.Candidates.Count > 0 || slots.HasPropertyReference;
        if (aboutARow && last.Presentation.ItemFunction is { } item && Find(tools, last.Plugin + "." + item) is { } itemTool)
        {
            return await binder.BindAsync(itemTool, request, state, carried: null, ct);
        }

        return await binder.BindAsync(last, request, state, state.LastArguments, ct);
    }

    private async Task<PlannerDecision?> ResolvePendingAsync(PendingQuestion pending, PlannerRequest request, IReadOnlyList<ToolSpec> tools, CancellationToken ct)
    {
        if (Find(tools, pending.Tool) is not { } tool)
        {
            return null;
        }

        var otherTool = request.Prediction.Intent != pending.Tool && request.Prediction.Intent != DialogueIntents.FollowUp
            && request.Prediction.Confidence >= SwitchConfidence;
        var arguments = pending.Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
        var missing = tool.Parameters.FirstOrDefault(p => p.Name == pending.Missing);
        if (missing is not null && ParameterRoles.Of(missing) == ParameterRole.Lead)
        {
            var chosen = await ChosenLeadAsync(pending, request, otherTool, ct);
            switch (chosen)
            {
                case LeadResolution.Found found:
                    arguments[missing.Name] = found.Lead.Id;
                    return new CallTool(tool, ArgumentBinder.Typed(tool, arguments), found.Lead.Name);
                case LeadResolution.NotFound notFound:
                    return clarifier.LeadNotFound(notFound.Id);
                default:
                    return null;
            }
        }

        if (otherTool)
        {
            return null;
        }

        var slots = request.Slots;
        var location = slots.Address ?? slots.ParcelId;
        if (location is not null && ParameterRoles.Find(tool, ParameterRole.Address) is { } address)
        {
            arguments[address] = location;
        }

        if (slots.Zip is { } zip && ParameterRoles.Find(tool, ParameterRole.Zip) is { } zipParameter)
        {
            arguments[zipParameter] = zip;
        }

        ArgumentBinder.AddFeatures(tool, slots, arguments);
        return location is null && slots.Zip is null ? null : new CallTool(tool, ArgumentBinder.Typed(tool, arguments), location ?? slots.Zip);
    }

    /// <summary>The answer to "which lead?": an id (also a bare number), a choice from the options given, or a name.</summary>
    private async Task<LeadResolution> ChosenLeadAsync(PendingQuestion pending, PlannerRequest request, bool otherTool, CancellationToken ct)
    {
        if ((request.Slots.LeadId ?? request.BareNumber) is { } id)
        {
            return await entities.FindLeadAsync(id, ct) is { } lead ? new LeadResolution.Found(lead) : new LeadResolution.NotFound(id);
        }

        var candidates = pending.Candidates;
        if (request.Slots.Ordinal is { } ordinal && candidates.Count > 0)
        {
            var index = ordinal < 0 ? candidates.Count - 1 : ordinal;
            return index < candidates.Count ? new LeadResolution.Found(new LeadRef(candidates[index].Id, candidates[index].Name)) : new LeadResolution.None();
        }

        if (request.NameWords.Count > 0 && candidates.Count > 0)
        {
            var narrowed = candidates.Where(c => request.NameWords.Any(w => LeadNameIndex.NameTokens(c.Name)
                .Any(t => t == w || (w.Length >= 4 && EditDistance.DamerauLevenshtein(t, w, 1) <= 1)))).ToList();
            if (narrowed.Count == 1)
            {
                return new LeadResolution.Found(new LeadRef(narrowed[0].Id, narrowed[0].Name));
            }
        }

        return request.Names.Candidates.Count == 1 && !otherTool ? new LeadResolution.Found(request.Names.Candidates[0]) : new LeadResolution.None();
    }

    private static ToolSpec? Find(IReadOnlyList<ToolSpec> tools, string key) =>
        tools.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
}
