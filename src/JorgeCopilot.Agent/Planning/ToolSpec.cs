using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Agent.Planning;

/// <summary>A tool as the planner sees it in <see cref="ChatOptions.Tools"/>: wire name, plugin, function and parameters.</summary>
public sealed record ToolSpec(string WireName, string Plugin, string Function, string Description, IReadOnlyList<ToolParameter> Parameters)
{
    /// <summary>How the capability declared this function's answer (kind, title, follow-ups, required arguments).</summary>
    public ToolPresentation Presentation { get; init; } = ToolPresentation.For(Function, null);

    /// <summary>"Plugin.function", the key used by intents, dialogue state and the routing eval.</summary>
    public string Key => Plugin + "." + Function;

    public static ToolSpec? From(AITool tool)
    {
        if (tool is not AIFunctionDeclaration function)
        {
            return null;
        }

        string plugin, name;
        if (tool is KernelFunction kernelFunction && kernelFunction.PluginName is { Length: > 0 } pluginName)
        {
            plugin = pluginName;
            name = kernelFunction.Name;
        }
        else
        {
            // Fully qualified wire names look like "Plugin-function" or "Plugin_function"; plugin names carry neither.
            var cut = function.Name.IndexOfAny(['-', '_', '.']);
            plugin = cut > 0 ? function.Name[..cut] : "";
            name = cut > 0 ? function.Name[(cut + 1)..] : function.Name;
        }

        var method = (tool as AIFunction)?.UnderlyingMethod;
        return new ToolSpec(function.Name, plugin, name, function.Description, Parse(function.JsonSchema))
        {
            Presentation = ToolPresentation.For(name, method),
        };
    }

    private static List<ToolParameter> Parse(JsonElement schema)
    {
        var result = new List<ToolParameter>();
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties))
        {
            return result;
        }

        var required = schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
            ? req.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var p in properties.EnumerateObject())
        {
            result.Add(new ToolParameter(p.Name, TypeOf(p.Value), required.Contains(p.Name)));
        }

        return result;
    }

    private static string TypeOf(JsonElement property)
    {
        if (!property.TryGetProperty("type", out var type))
        {
            return "string";
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString() ?? "string",
            // ["number","null"] for optional values: the first non-null entry is the value type.
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not null and not "null") ?? "string",
            _ => "string",
        };
    }
}

public sealed record ToolParameter(string Name, string Type, bool Required)
{
    /// <summary>Lower-case name without separators, for matching "leadId", "lead_id" and "LeadId" alike.</summary>
    public string Canonical { get; } = ParameterNames.Canonical(Name);
}
