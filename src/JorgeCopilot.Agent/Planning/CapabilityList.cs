using System.Text.Json;
using JorgeCopilot.Agent.Prompts;

namespace JorgeCopilot.Agent.Planning;

/// <summary>"Here is what I can do": one example line per installed tool, from <c>prompts/answers/capabilities.jsonl</c>.</summary>
public static class CapabilityList
{
    public static string Describe(PromptCatalog prompts, IReadOnlyList<ToolSpec> tools)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(tools);
        var examples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in prompts.Get("answers/capabilities.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var row = JsonDocument.Parse(line).RootElement;
            examples[row.GetProperty("tool").GetString()!] = row.GetProperty("line").GetString()!;
        }

        var lines = tools
            .Select(t => examples.TryGetValue(t.Key, out var example) ? example : $"{t.Function.Replace('_', ' ')}: {t.Description}")
            .Distinct(StringComparer.Ordinal)
            .Select(l => "- " + l)
            .ToList();
        return lines.Count == 0 ? "- (no capability plugins are installed yet)" : string.Join('\n', lines);
    }
}
