using System.Globalization;
using System.Text.Json;
using JorgeCopilot.Agent.Dialogue;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// Fills a tool's parameters from one message by what each parameter stands for (<see cref="ParameterRole"/>): the
/// lead and home the <see cref="EntityResolver"/> finds, values the parsers read, arguments carried over from the last
/// call on a follow-up. A required value it cannot find becomes a question back (<see cref="Clarifier"/>).
/// </summary>
public sealed class ArgumentBinder(EntityResolver entities, Clarifier clarifier)
{
    private const int MaxLimit = 50;

    public async Task<PlannerDecision> BindAsync(ToolSpec tool, PlannerRequest request, DialogueState state, Dictionary<string, JsonElement>? carried, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(request);
        var slots = request.Slots;
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in carried ?? [])
        {
            if (tool.Parameters.Any(p => p.Name == key))
            {
                arguments[key] = value;
            }
        }

        string? subject = null;
        var parcelIsSeparate = ParameterRoles.Find(tool, ParameterRole.Parcel) is not null;
        foreach (var parameter in tool.Parameters)
        {
            object? value = null;
            switch (ParameterRoles.Of(parameter))
            {
                case ParameterRole.Lead:
                    switch (await entities.ResolveLeadAsync(request, state, carried is not null, ct))
                    {
                        case LeadResolution.Found found:
                            arguments[parameter.Name] = found.Lead.Id;
                            subject = found.Lead.Name;
                            break;
                        case LeadResolution.NotFound notFound:
                            return clarifier.LeadNotFound(notFound.Id);
                        case LeadResolution.Ambiguous ambiguous:
                            return clarifier.WhichLead(tool, parameter.Name, arguments, ambiguous.Candidates, request.Names.MatchedWords, state);
                        case LeadResolution.Unknown unknown:
                            return clarifier.ForLead(tool, parameter.Name, arguments, state, unknown.Words);
                        default:
                            if (parameter.Required && !arguments.ContainsKey(parameter.Name))
                            {
                                return clarifier.ForLead(tool, parameter.Name, arguments, state, []);
                            }

                            break;
                    }

                    continue;
                case ParameterRole.Address:
                    value = EntityResolver.Property(slots, state, parcelIsSeparate);
                    if (value is null && parameter.Required && !arguments.ContainsKey(parameter.Name))
                    {
                        return clarifier.ForMissing(tool, parameter.Name, arguments, state);
                    }

                    break;
                case ParameterRole.Parcel:
                    value = slots.ParcelId;
                    break;
                case ParameterRole.Zip:
                    value = slots.Zip;
                    break;
                case ParameterRole.Limit:
                    value = slots.Limit is { } limit ? Math.Clamp(limit, 1, MaxLimit) : null;
                    break;
                case ParameterRole.Region:
                    value = request.Region;
                    break;
                case ParameterRole.City:
                    value = request.Region?.Split(',')[0].Trim();
                    break;
                case ParameterRole.Money:
                    value = slots.Money is { } money ? (double)money : null;
                    break;
                case ParameterRole.Horizon:
                    value = slots.HorizonMonths;
                    break;
                case ParameterRole.Date:
                    value = slots.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case ParameterRole.Text:
                    value = QuotedOrWhole(request.Text);
                    break;
                default:
                    value = Feature(ParameterRoles.Of(parameter), slots);
                    break;
            }

            if (value is not null)
            {
                arguments[parameter.Name] = value;
                subject ??= value is string text && ParameterRoles.Of(parameter) is ParameterRole.Address or ParameterRole.Parcel or ParameterRole.Zip
                    or ParameterRole.Region or ParameterRole.City ? text : null;
            }
        }

        var needs = tool.Presentation.NeedsOneOf;
        if (needs.Count > 0 && !tool.Parameters.Any(p => needs.Contains(p.Name, StringComparer.OrdinalIgnoreCase) && arguments.ContainsKey(p.Name)))
        {
            return clarifier.ForMissing(tool, needs[0], arguments, state);
        }

        return new CallTool(tool, Typed(tool, arguments), subject);
    }

    /// <summary>The part of the message in quotes ("what does 'we'll wait for spring' mean?"), else the whole message.</summary>
    private static string QuotedOrWhole(string text)
    {
        var quoted = System.Text.RegularExpressions.Regex.Match(text, "[\"\u201C]([^\"\u201D]{3,})[\"\u201D]|(?<![a-z])'([^']{3,})'(?![a-z])", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return quoted.Success ? (quoted.Groups[1].Success ? quoted.Groups[1].Value : quoted.Groups[2].Value).Trim() : text.Trim();
    }

    /// <summary>Home facts (beds, baths, size, year) for the parameters that take them.</summary>
    public static void AddFeatures(ToolSpec tool, ExtractedSlots slots, Dictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var parameter in tool.Parameters)
        {
            if (Feature(ParameterRoles.Of(parameter), slots) is { } value)
            {
                arguments[parameter.Name] = value;
            }
        }
    }

    private static object? Feature(ParameterRole role, ExtractedSlots slots) => role switch
    {
        ParameterRole.Bedrooms => slots.Bedrooms,
        ParameterRole.Bathrooms => slots.Bathrooms,
        ParameterRole.Sqft => slots.Sqft,
        ParameterRole.YearBuilt => slots.YearBuilt,
        _ => null,
    };

    /// <summary>Values converted to the JSON types the tool's schema asks for.</summary>
    public static Dictionary<string, object?> Typed(ToolSpec tool, Dictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
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

    public static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
