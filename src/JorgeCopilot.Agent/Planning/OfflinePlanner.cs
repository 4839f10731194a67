using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The offline planner's brain: intent from the ML.NET model, arguments from the parsers and the store, the dialogue
/// state for follow-ups and pending questions. It never guesses: a missing or ambiguous argument becomes a question
/// back, an unknown request becomes the list of what it can do.
/// </summary>
public sealed partial class OfflinePlanner(
    IntentClassifier classifier,
    SlotExtractor extractor,
    IPlannerDirectory directory,
    PromptCatalog prompts,
    AnswerComposer composer)
{
    public const string Help = "help";
    public const string Greeting = "greeting";
    public const string OutOfScope = "out_of_scope";
    public const string FollowUp = "followup";

    /// <summary>Below this the model is unsure; with nothing concrete in the message the planner says what it can do instead.</summary>
    private const float MinConfidence = 0.30f;

    // Tools whose location parameters are all optional but which need at least one of them to mean anything.
    private static readonly Dictionary<string, string[]> NeedsOneOf = new(StringComparer.Ordinal)
    {
        ["estimate_value"] = ["address", "zip", "parcelid"],
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "at", "is", "are", "was", "be", "me", "my", "i", "you", "it",
        "this", "that", "with", "about", "what", "whats", "how", "who", "which", "can", "could", "would", "should", "do", "does",
        "please", "pls", "plz", "now", "today", "hey", "hi", "ok", "okay", "so", "just", "like", "get", "got", "tell", "show",
        "give", "any", "some", "one", "ones", "him", "her", "them", "his", "their", "our", "we", "us", "mr", "mrs", "ms", "miss",
        "lead", "leads", "score", "then", "also", "too", "again", "why", "more", "info", "details", "thanks", "thank", "yes", "no",
    };

    public async Task<PlannerDecision> PlanAsync(string text, IReadOnlyList<ToolSpec> tools, DialogueState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Injection().IsMatch(text))
        {
            state.Pending = null;
            return Reply("refusal", prompts.Render("answers/refusal.md", new Dictionary<string, string> { ["capabilities"] = Capabilities(tools) }));
        }

        var slots = extractor.Extract(text);
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var (region, regionWords) = FindRegion(slots.FreeWords, snapshot.Regions);
        var nameWords = slots.FreeWords
            .Where(w => !regionWords.Contains(w) && w.All(char.IsLetter) && w.Length >= 2 && !StopWords.Contains(w)
                && (!classifier.Vocabulary.Contains(w) || snapshot.Leads.IsNameToken(w)))
            .ToList();
        var names = snapshot.Leads.Match(nameWords);
        var normalized = string.Join(' ', slots.Normalized.Split(' ').Select(w =>
            names.MatchedWords.Contains(w) ? "xname" : regionWords.Contains(w) ? "xregion" : w));
        var prediction = classifier.Predict(normalized);
        var context = new Request(slots, names, nameWords, region, prediction);

        if (state.Pending is { } pending)
        {
            state.Pending = null;
            if (await ResolvePendingAsync(pending, context, tools, state, cancellationToken) is { } resumed)
            {
                return resumed;
            }
        }

        var intent = prediction.Intent;
        var hasEntity = slots.LeadId is not null || slots.Ordinal is not null || names.Candidates.Count > 0 || slots.Zip is not null
            || slots.HasPropertyReference || region is not null;
        Dictionary<string, JsonElement>? carried = null;
        if (intent == FollowUp || (prediction.Confidence < MinConfidence && hasEntity && state.LastTool is not null))
        {
            if (state.LastTool is null)
            {
                return Reply(OutOfScope, prompts.Render("answers/out_of_scope.md", new Dictionary<string, string> { ["capabilities"] = Capabilities(tools) }));
            }

            intent = state.LastTool;
            carried = state.LastArguments;
        }
        else if (prediction.Confidence < MinConfidence && !hasEntity)
        {
            intent = OutOfScope;
        }

        switch (intent)
        {
            case Greeting:
                return Reply("greeting", prompts.Render("answers/greeting.md", new Dictionary<string, string> { ["capabilities"] = Capabilities(tools) }));
            case Help:
                return Reply("help", prompts.Render("answers/help.md", new Dictionary<string, string> { ["capabilities"] = Capabilities(tools) }));
            case OutOfScope:
                return Reply(OutOfScope, prompts.Render("answers/out_of_scope.md", new Dictionary<string, string> { ["capabilities"] = Capabilities(tools) }));
        }

        var tool = tools.FirstOrDefault(t => string.Equals(t.Key, intent, StringComparison.OrdinalIgnoreCase));
        if (tool is null)
        {
            return Reply("unavailable", prompts.Render("answers/unavailable.md", new Dictionary<string, string> { ["capabilities"] = Capabilities(tools) }));
        }

        return await BindAsync(tool, context, state, carried, cancellationToken);
    }

    /// <summary>Composes the final answer from a tool result and moves the dialogue on (focus, last list).</summary>
    public StructuredAnswer Complete(ToolSpec tool, IReadOnlyDictionary<string, object?> arguments, object? result, string? subject, DialogueState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var composed = composer.Compose(tool, arguments, result, subject);
        state.LastTool = tool.Key;
        state.LastArguments = arguments.Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value, a.Value!.GetType()), StringComparer.Ordinal);
        state.Pending = null;
        if (composed.LeadIds.Count > 1)
        {
            state.LastLeadIds = [.. composed.LeadIds];
        }

        if (composed.Properties.Count > 1)
        {
            state.LastProperties = [.. composed.Properties];
        }

        if (Arg(arguments, "leadid") is { } lead && Convert.ToInt64(lead, CultureInfo.InvariantCulture) is var leadId)
        {
            state.FocusLeadId = leadId;
        }
        else if (composed.LeadIds.Count == 1)
        {
            state.FocusLeadId = composed.LeadIds[0];
        }

        if (Arg(arguments, "address") is string address)
        {
            state.FocusProperty = address;
        }
        else if (composed.Properties.Count == 1)
        {
            state.FocusProperty = composed.Properties[0];
        }

        return composed.Answer with
        {
            Actions = FollowUps(tool, composed),
        };
    }

    public string Capabilities(IReadOnlyList<ToolSpec> tools) => CapabilityList.Describe(prompts, tools);

    private async Task<PlannerDecision?> ResolvePendingAsync(PendingQuestion pending, Request request, IReadOnlyList<ToolSpec> tools, DialogueState state, CancellationToken ct)
    {
        var tool = tools.FirstOrDefault(t => t.Key == pending.Tool);
        if (tool is null)
        {
            return null;
        }

        // A confident request for something else abandons the question.
        var otherTool = request.Prediction.Intent != pending.Tool && request.Prediction.Intent != FollowUp && request.Prediction.Confidence >= 0.5f;
        var arguments = pending.Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
        if (pending.Missing.Equals("leadId", StringComparison.OrdinalIgnoreCase) || Canonical(pending.Missing) == "leadid")
        {
            LeadRef? chosen = null;
            if (request.Slots.LeadId is { } id)
            {
                chosen = await directory.FindLeadAsync(id, ct);
                if (chosen is null)
                {
                    return NotFound(id);
                }
            }
            else if (request.Slots.Ordinal is { } ordinal && pending.Candidates.Count > 0)
            {
                var index = ordinal < 0 ? pending.Candidates.Count - 1 : ordinal;
                if (index < pending.Candidates.Count)
                {
                    chosen = new LeadRef(pending.Candidates[index].Id, pending.Candidates[index].Name);
                }
            }
            else if (request.NameWords.Count > 0 && pending.Candidates.Count > 0)
            {
                var narrowed = pending.Candidates.Where(c => request.NameWords.Any(w => LeadNameIndex.NameTokens(c.Name)
                    .Any(t => t == w || (w.Length >= 4 && EditDistance.DamerauLevenshtein(t, w, 1) <= 1)))).ToList();
                if (narrowed.Count == 1)
                {
                    chosen = new LeadRef(narrowed[0].Id, narrowed[0].Name);
                }
            }

            if (chosen is null && request.Names.Candidates.Count == 1 && !otherTool)
            {
                chosen = request.Names.Candidates[0];
            }

            if (chosen is null)
            {
                return null;
            }

            arguments[ParameterName(tool, "leadid") ?? pending.Missing] = chosen.Id;
            return new CallTool(tool, Typed(tool, arguments), chosen.Name);
        }

        if (otherTool)
        {
            return null;
        }

        var location = request.Slots.Address ?? request.Slots.ParcelId;
        if (location is not null && ParameterName(tool, "address") is { } addressParameter)
        {
            arguments[addressParameter] = location;
        }

        if (request.Slots.Zip is { } zip && ParameterName(tool, "zip") is { } zipParameter)
        {
            arguments[zipParameter] = zip;
        }

        AddFeatures(tool, request.Slots, arguments);
        if (location is null && request.Slots.Zip is null)
        {
            return null;
        }

        return new CallTool(tool, Typed(tool, arguments), location ?? request.Slots.Zip);
    }

    private async Task<PlannerDecision> BindAsync(ToolSpec tool, Request request, DialogueState state, Dictionary<string, JsonElement>? carried, CancellationToken ct)
    {
        var slots = request.Slots;
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (carried is not null)
        {
            foreach (var (key, value) in carried)
            {
                if (tool.Parameters.Any(p => p.Name == key))
                {
                    arguments[key] = value;
                }
            }
        }

        string? subject = null;
        foreach (var parameter in tool.Parameters)
        {
            switch (parameter.Canonical)
            {
                case "leadid" or "lead":
                    var lead = await ResolveLeadAsync(request, state, carried is not null, ct);
                    switch (lead)
                    {
                        case LeadResolution.Found found:
                            arguments[parameter.Name] = found.Lead.Id;
                            subject = found.Lead.Name;
                            break;
                        case LeadResolution.NotFound notFound:
                            return NotFound(notFound.Id);
                        case LeadResolution.Ambiguous ambiguous:
                            return AskWhichLead(tool, parameter, arguments, ambiguous.Candidates, request.Names.MatchedWords, state);
                        case LeadResolution.Unknown unknown:
                            return AskForLead(tool, parameter, arguments, state, unknown.Words);
                        default:
                            if (parameter.Required && !arguments.ContainsKey(parameter.Name))
                            {
                                return AskForLead(tool, parameter, arguments, state, []);
                            }

                            break;
                    }

                    break;
                case "address" or "property" or "location":
                    var location = slots.Address ?? (ParameterName(tool, "parcelid") is null ? slots.ParcelId : null) ?? PropertyFromContext(slots, state);
                    if (location is not null)
                    {
                        arguments[parameter.Name] = location;
                        subject ??= location;
                    }
                    else if (parameter.Required && !arguments.ContainsKey(parameter.Name))
                    {
                        return AskForProperty(tool, parameter.Name, arguments, state);
                    }

                    break;
                case "parcelid" or "parcel":
                    if (slots.ParcelId is { } parcel)
                    {
                        arguments[parameter.Name] = parcel;
                        subject ??= parcel;
                    }

                    break;
                case "zip" or "zipcode" or "postalcode":
                    if (slots.Zip is { } zip)
                    {
                        arguments[parameter.Name] = zip;
                        subject ??= zip;
                    }

                    break;
                case "limit" or "count" or "top" or "n" or "max":
                    if (slots.Limit is { } limit)
                    {
                        arguments[parameter.Name] = Math.Clamp(limit, 1, 50);
                    }

                    break;
                case "region" or "market" or "metro" or "area":
                    if (request.Region is { } region)
                    {
                        arguments[parameter.Name] = region;
                        subject ??= region;
                    }

                    break;
                case "listprice" or "price" or "askingprice" or "budget" or "amount":
                    if (slots.Money is { } money)
                    {
                        arguments[parameter.Name] = (double)money;
                    }

                    break;
                case "horizon" or "horizonmonths" or "months":
                    if (slots.HorizonMonths is { } months)
                    {
                        arguments[parameter.Name] = months;
                    }

                    break;
                case "date" or "targetdate" or "until" or "by":
                    if (slots.TargetDate is { } date)
                    {
                        arguments[parameter.Name] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    }

                    break;
            }
        }

        AddFeatures(tool, slots, arguments);
        if (NeedsOneOf.TryGetValue(tool.Function, out var oneOf)
            && !tool.Parameters.Any(p => oneOf.Contains(p.Canonical) && arguments.ContainsKey(p.Name)))
        {
            return AskForProperty(tool, ParameterName(tool, "address") ?? oneOf[0], arguments, state);
        }

        return new CallTool(tool, Typed(tool, arguments), subject);
    }

    private async Task<LeadResolution> ResolveLeadAsync(Request request, DialogueState state, bool followUp, CancellationToken ct)
    {
        var slots = request.Slots;
        if (slots.LeadId is { } id)
        {
            return await directory.FindLeadAsync(id, ct) is { } lead ? new LeadResolution.Found(lead) : new LeadResolution.NotFound(id);
        }

        if (slots.Ordinal is { } ordinal && state.LastLeadIds.Count > 0)
        {
            var index = ordinal < 0 ? state.LastLeadIds.Count - 1 : ordinal;
            if (index < state.LastLeadIds.Count)
            {
                var leadId = state.LastLeadIds[index];
                return new LeadResolution.Found(await directory.FindLeadAsync(leadId, ct) ?? new LeadRef(leadId, $"lead {leadId}"));
            }
        }

        if (request.Names.Candidates.Count == 1)
        {
            return new LeadResolution.Found(request.Names.Candidates[0]);
        }

        if (request.Names.Candidates.Count > 1)
        {
            return new LeadResolution.Ambiguous(request.Names.Candidates);
        }

        if (request.NameWords.Count > 0 && !slots.RefersToPrevious && !followUp && request.Names.MatchedWords.Count == 0 && LooksLikeName(request.NameWords))
        {
            return new LeadResolution.Unknown(request.NameWords);
        }

        if (state.FocusLeadId is { } focus && !followUp)
        {
            return new LeadResolution.Found(await directory.FindLeadAsync(focus, ct) ?? new LeadRef(focus, $"lead {focus}"));
        }

        return new LeadResolution.None();
    }

    // Leftover words only count as an attempted name when they are not typos of planner vocabulary.
    private bool LooksLikeName(IReadOnlyList<string> words) =>
        words.Any(w => w.Length >= 3 && !classifier.Vocabulary.Any(v => v.Length >= 4 && Math.Abs(v.Length - w.Length) <= 2 && EditDistance.DamerauLevenshtein(v, w, 2) <= 2));

    private static string? PropertyFromContext(ExtractedSlots slots, DialogueState state)
    {
        if (slots.Ordinal is { } ordinal && state.LastProperties.Count > 0)
        {
            var index = ordinal < 0 ? state.LastProperties.Count - 1 : ordinal;
            return index < state.LastProperties.Count ? state.LastProperties[index] : null;
        }

        return slots.RefersToPrevious || slots is { Zip: null, HasPropertyReference: false } ? state.FocusProperty : null;
    }

    private static void AddFeatures(ToolSpec tool, ExtractedSlots slots, Dictionary<string, object?> arguments)
    {
        foreach (var parameter in tool.Parameters)
        {
            object? value = parameter.Canonical switch
            {
                "bedrooms" or "beds" => slots.Bedrooms,
                "bathrooms" or "baths" => slots.Bathrooms,
                "sqft" or "livingsqft" or "squarefeet" or "livingarea" => slots.Sqft,
                "yearbuilt" or "year" => slots.YearBuilt,
                _ => null,
            };
            if (value is not null)
            {
                arguments[parameter.Name] = value;
            }
        }
    }

    /// <summary>Values converted to the JSON types the tool's schema asks for.</summary>
    private static Dictionary<string, object?> Typed(ToolSpec tool, Dictionary<string, object?> arguments)
    {
        var typed = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, raw) in arguments)
        {
            var value = raw is JsonElement e ? FromJson(e) : raw;
            var type = tool.Parameters.FirstOrDefault(p => p.Name == key)?.Type ?? "string";
            typed[key] = (type, value) switch
            {
                (_, null) => null,
                ("integer", IConvertible c) => Convert.ToInt64(c, CultureInfo.InvariantCulture),
                ("number", IConvertible c) => Convert.ToDouble(c, CultureInfo.InvariantCulture),
                ("string", _) => Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => value,
            };
        }

        return typed;
    }

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private ReplyDirectly AskWhichLead(ToolSpec tool, ToolParameter parameter, Dictionary<string, object?> arguments, IReadOnlyList<LeadRef> candidates, IReadOnlyList<string> words, DialogueState state)
    {
        var shown = candidates.Take(4).ToList();
        var options = shown.Select(c => $"{c.Name} (lead {c.Id.ToString(CultureInfo.InvariantCulture)})").ToList();
        var list = options.Count == 1 ? options[0] : string.Join(", ", options[..^1]) + " or " + options[^1];
        var who = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', words));
        var more = candidates.Count > shown.Count ? " " + prompts.Get("answers/clarify_more.md").Trim() : "";
        state.Pending = new PendingQuestion
        {
            Tool = tool.Key,
            Missing = parameter.Name,
            Arguments = Serializable(arguments),
            Candidates = shown.Select(c => new PendingCandidate(c.Id, c.Name)).ToList(),
        };
        var text = prompts.Render("answers/clarify_lead.md", new Dictionary<string, string> { ["who"] = who, ["options"] = list }) + more;
        return new ReplyDirectly(new StructuredAnswer(text)
        {
            Kind = "clarification",
            Actions = shown.Select(c => new SuggestedAction(c.Name, $"lead {c.Id.ToString(CultureInfo.InvariantCulture)}")).ToList(),
        });
    }

    private ReplyDirectly AskForLead(ToolSpec tool, ToolParameter parameter, Dictionary<string, object?> arguments, DialogueState state, IReadOnlyList<string> unknownWords)
    {
        state.Pending = new PendingQuestion { Tool = tool.Key, Missing = parameter.Name, Arguments = Serializable(arguments) };
        var text = unknownWords.Count > 0
            ? prompts.Render("answers/lead_not_found_by_name.md", new Dictionary<string, string> { ["name"] = AnswerComposer.Clip(string.Join(' ', unknownWords)) })
            : prompts.Get("answers/clarify_which_lead.md").Trim();
        return new ReplyDirectly(new StructuredAnswer(text) { Kind = "clarification" });
    }

    private ReplyDirectly AskForProperty(ToolSpec tool, string parameter, Dictionary<string, object?> arguments, DialogueState state)
    {
        state.Pending = new PendingQuestion { Tool = tool.Key, Missing = parameter, Arguments = Serializable(arguments) };
        return new ReplyDirectly(new StructuredAnswer(prompts.Get("answers/clarify_property.md").Trim()) { Kind = "clarification" });
    }

    private ReplyDirectly NotFound(long id) =>
        new(new StructuredAnswer(prompts.Render("answers/lead_not_found.md", new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) }))
        {
            Kind = "not-found",
        });

    private static ReplyDirectly Reply(string kind, string text) => new(new StructuredAnswer(text) { Kind = kind });

    private static IReadOnlyList<SuggestedAction> FollowUps(ToolSpec tool, ComposedAnswer composed) => tool.Function switch
    {
        "rank_leads" when composed.LeadIds.Count > 0 => [new SuggestedAction("Score the first", "score the first one"), new SuggestedAction("Why is the first hot?", "explain the first one")],
        "score_lead" => [new SuggestedAction("Why?", "explain that score")],
        "estimate_value" => [new SuggestedAction("List price?", "what should i list it at")],
        _ => [],
    };

    private static Dictionary<string, JsonElement> Serializable(Dictionary<string, object?> arguments) =>
        arguments.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value is JsonElement e ? e : JsonSerializer.SerializeToElement(a.Value, a.Value!.GetType()), StringComparer.Ordinal);

    private static (string? Region, HashSet<string> Words) FindRegion(IReadOnlyList<string> words, IReadOnlyList<string> regions)
    {
        var text = " " + string.Join(' ', words) + " ";
        string? best = null;
        var bestWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var city = region.Split(',')[0].Trim().ToLowerInvariant();
            if (city.Length < 3)
            {
                continue;
            }

            var cityWords = SlotExtractor.Tokenize(city);
            if (cityWords.Count > 0 && text.Contains(" " + string.Join(' ', cityWords) + " ", StringComparison.Ordinal)
                && (best is null || cityWords.Count > bestWords.Count || (region.Contains(',', StringComparison.Ordinal) && !best.Contains(',', StringComparison.Ordinal))))
            {
                best = region;
                bestWords = [.. cityWords];
            }
        }

        return (best, bestWords);
    }

    private static object? Arg(IReadOnlyDictionary<string, object?> arguments, string canonical) =>
        arguments.FirstOrDefault(a => Canonical(a.Key) == canonical).Value is { } v ? (v is JsonElement e ? FromJson(e) : v) : null;

    private static string? ParameterName(ToolSpec tool, string canonical) => tool.Parameters.FirstOrDefault(p => p.Canonical == canonical)?.Name;

    private static string Canonical(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    [GeneratedRegex(@"\b(ignore|disregard|forget|override)\b.{0,40}\b(instruction|instructions|rules|prompt|prompts|guidelines|directions)\b|\bsystem\s+prompt\b|\byou\s+are\s+now\b|\bjailbreak\b|\bdeveloper\s+mode\b|\b(reveal|print|show|dump|leak)\b.{0,30}\b(api\s*key|password|secret|credentials|connection\s+string|instructions|prompt)\b|\bdrop\s+table\b|<\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex Injection();

    private sealed record Request(ExtractedSlots Slots, LeadNameMatch Names, IReadOnlyList<string> NameWords, string? Region, IntentPrediction Prediction);

    private abstract record LeadResolution
    {
        public sealed record Found(LeadRef Lead) : LeadResolution;

        public sealed record NotFound(long Id) : LeadResolution;

        public sealed record Ambiguous(IReadOnlyList<LeadRef> Candidates) : LeadResolution;

        public sealed record Unknown(IReadOnlyList<string> Words) : LeadResolution;

        public sealed record None : LeadResolution;
    }
}
