using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>One tone of one strategy: a template with <c>{{name}}</c> placeholders.</summary>
public sealed record VariantTemplate(string Strategy, string Tone, string Text);

/// <summary>
/// The strategy templates embedded from <c>prompts/variants/&lt;strategy&gt;.md</c>: a heading line, then one
/// <c>## tone</c> section per template.
/// </summary>
public sealed partial class VariantTemplates
{
    private const string Prefix = "prompts/variants/";
    private readonly Dictionary<string, IReadOnlyList<VariantTemplate>> _byStrategy = new(StringComparer.Ordinal);

    public VariantTemplates()
    {
        var assembly = typeof(VariantTemplates).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var strategy = Path.GetFileNameWithoutExtension(resource[Prefix.Length..]);
            _byStrategy[strategy] = Parse(strategy, Read(assembly, resource));
        }
    }

    public IReadOnlyCollection<string> Strategies => _byStrategy.Keys;

    public IReadOnlyList<VariantTemplate> For(string strategy) =>
        _byStrategy.TryGetValue(strategy, out var templates) ? templates : [];

    public static IReadOnlyList<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Fills every placeholder; a placeholder without a value throws, so nothing half-filled can reach a lead.</summary>
    public static string Render(VariantTemplate template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var text = Placeholder().Replace(template.Text, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"Variant template {template.Strategy}/{template.Tone} needs '{m.Groups[1].Value}'."));
        return SentenceStart().Replace(text, m => m.Groups[1].Value + char.ToUpperInvariant(m.Groups[2].Value[0]));
    }

    private static List<VariantTemplate> Parse(string strategy, string text)
    {
        var templates = new List<VariantTemplate>();
        string? tone = null;
        var body = new StringBuilder();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Append("## "))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (tone is not null && body.Length > 0)
                {
                    templates.Add(new VariantTemplate(strategy, tone, body.ToString().Trim()));
                }

                tone = line[3..].Trim();
                body.Clear();
            }
            else if (tone is not null && line.Trim().Length > 0)
            {
                body.Append(' ').Append(line.Trim());
            }
        }

        return templates;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(^|[.?!]\s+)([a-z])")]
    private static partial Regex SentenceStart();
}
