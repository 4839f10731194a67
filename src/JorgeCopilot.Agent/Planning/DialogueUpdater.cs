using System.Globalization;
using System.Text.Json;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// Moves the dialogue on after a tool answered: the last tool and its arguments (for "and for 98103?"), the lists it
/// showed (for "the second one") and the lead or home now in focus (for "why?").
/// </summary>
public static class DialogueUpdater
{
    public static void Record(DialogueState state, ToolSpec tool, IReadOnlyDictionary<string, object?> arguments, ComposedAnswer composed)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(composed);
        state.LastTool = tool.Key;
        state.LastArguments = arguments.Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value is JsonElement e ? e : JsonSerializer.SerializeToElement(a.Value, a.Value!.GetType()), StringComparer.Ordinal);
        state.Pending = null;
        if (composed.LeadIds.Count > 1)
        {
            state.LastLeadIds = [.. composed.LeadIds];
        }

        if (composed.Properties.Count > 1)
        {
            state.LastProperties = [.. composed.Properties];
        }

        if (Argument(tool, arguments, ParameterRole.Lead) is { } lead)
        {
            state.FocusLeadId = Convert.ToInt64(lead, CultureInfo.InvariantCulture);
        }
        else if (composed.LeadIds.Count == 1)
        {
            state.FocusLeadId = composed.LeadIds[0];
        }

        if (Argument(tool, arguments, ParameterRole.Address) is string address)
        {
            state.FocusProperty = address;
        }
        else if (composed.Properties.Count == 1)
        {
            state.FocusProperty = composed.Properties[0];
        }
    }

    private static object? Argument(ToolSpec tool, IReadOnlyDictionary<string, object?> arguments, ParameterRole role) =>
        ParameterRoles.Find(tool, role) is { } name && arguments.TryGetValue(name, out var value) && value is not null
            ? value is JsonElement e ? ArgumentBinder.FromJson(e) : value
            : null;
}
