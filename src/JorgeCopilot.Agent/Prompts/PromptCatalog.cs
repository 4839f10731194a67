using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Agent.Prompts;

/// <summary>
/// Every prompt-like text (system prompt, answer templates, planner utterances) embedded from <c>prompts/</c>.
/// Templates use <c>{{name}}</c> placeholders; rendering with a missing value throws, so a broken template fails
/// its test instead of reaching Jorge half-filled.
/// </summary>
public sealed partial class PromptCatalog
{
    private const string Prefix = "prompts/";
    private readonly FrozenDictionary<string, string> _texts;

    public PromptCatalog()
        : this(typeof(PromptCatalog).Assembly)
    {
    }

    internal PromptCatalog(Assembly assembly)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts[resource[Prefix.Length..].Replace('\\', '/')] = reader.ReadToEnd();
        }

        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Names relative to <c>prompts/</c>, e.g. <c>answers/help.md</c>.</summary>
    public IReadOnlyCollection<string> Names => _texts.Keys;

    public bool Contains(string name) => _texts.ContainsKey(name);

    public string Get(string name) =>
        _texts.TryGetValue(name, out var text) ? text : throw new KeyNotFoundException($"Prompt '{name}' is not in prompts/.");

    /// <summary>The placeholder names a template uses.</summary>
    public IReadOnlyList<string> Placeholders(string name) =>
        Placeholder().Matches(Get(name)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    public string Render(string name, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(Get(name), m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"Prompt '{name}' needs a value for '{m.Groups[1].Value}'.")).Trim();
    }

    [GeneratedRegex(@"\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
