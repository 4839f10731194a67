using System.Globalization;
using System.Text;
using System.Text.Json;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// Turns a tool's JSON result into a <see cref="StructuredAnswer"/>: a headline from <c>prompts/answers/</c>, one fact
/// per scalar field, a table for the first list of records and a chart from a <c>chart</c> property, every value copied
/// from the result and tagged with the tool it came from; kind, title, headline figures and follow-ups as the tool's
/// capability declared them (<see cref="ToolPresentation"/>). Nothing here invents a number or names a tool.
/// </summary>
public sealed class AnswerComposer(PromptCatalog prompts)
{
    private const int MaxFacts = 12;
    private const int MaxRows = 10;
    private const int MaxColumns = 6;
    private const int MaxStringLength = 160;

    public ComposedAnswer Compose(ToolSpec tool, IReadOnlyDictionary<string, object?> arguments, object? result, string? subject)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var source = tool.Key;
        var root = ToJson(result);
        if (root.ValueKind == JsonValueKind.String)
        {
            var message = Clip(root.GetString() ?? "");
            return new ComposedAnswer(new StructuredAnswer(message) { Kind = "message" }, [], []);
        }

        if (root.ValueKind != JsonValueKind.Object && root.ValueKind != JsonValueKind.Array)
        {
            var value = root.ValueKind == JsonValueKind.Undefined ? "" : root.ToString();
            return new ComposedAnswer(new StructuredAnswer(value.Length == 0 ? "The tool returned nothing." : $"Result: {Clip(value)}")
            {
                Kind = "message",
                Facts = value.Length == 0 ? [] : [new AnswerFact("Result", Clip(value), source)],
            }, [], []);
        }

        if (root.ValueKind == JsonValueKind.Object && IsMessageOnly(root, out var text))
        {
            return new ComposedAnswer(new StructuredAnswer(Clip(text)) { Kind = "message" }, [], []);
        }

        var facts = new List<AnswerFact>();
        AnswerTable? table = null;
        AnswerChart? chart = null;
        var leadIds = new List<long>();
        var properties = new List<string>();
        if (root.ValueKind == JsonValueKind.Array)
        {
            table = Table(root, source, leadIds, properties, tool.Presentation);
        }
        else
        {
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                if (property.Name.Equals("chart", StringComparison.OrdinalIgnoreCase))
                {
                    chart = Chart(value, source);
                    continue;
                }

                if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
                {
                    if (table is null)
                    {
                        table = Table(value, source, leadIds, properties, tool.Presentation);
                    }
                    else
                    {
                        facts.Add(new AnswerFact(Humanize(property.Name), value.GetArrayLength().ToString(CultureInfo.InvariantCulture) + " items", source));
                    }

                    continue;
                }

                AddFacts(facts, [], property.Name, value, source, tool.Presentation);
            }

            CollectEntity(root, leadIds, properties);
        }

        facts = facts.Take(MaxFacts).ToList();
        var count = table?.Rows.Count ?? 0;
        var template = prompts.Contains($"answers/{tool.Function}.md") ? $"answers/{tool.Function}.md" : "answers/generic.md";
        var headline = prompts.Render(template, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subject"] = Clip(subject ?? DefaultSubject(arguments)),
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
            ["tool"] = tool.Key,
        });

        var presentation = tool.Presentation;
        // A list answer's follow-ups are about its rows ("the first one"): none under an empty list.
        var followUps = presentation.ItemFunction is not null && table is null ? [] : presentation.FollowUps;
        var answer = new StructuredAnswer(headline)
        {
            Kind = presentation.Kind,
            Title = presentation.Title,
            HeadlineFigures = presentation.HeadlineFigures,
            TableTitle = table is null ? null : presentation.TableTitle,
            Facts = facts,
            Table = table,
            Chart = chart,
            Actions = followUps.Select(f => new SuggestedAction(f.Title, f.Text)).ToList(),
            Data = root.Clone(),
        };
        return new ComposedAnswer(answer, leadIds, properties);
    }

    /// <summary>Every value the result holds, flattened (for groundedness checks and the LLM path's facts).</summary>
    public static JsonElement ToJson(object? result)
    {
        switch (result)
        {
            case null:
                return default;
            case JsonElement element:
                return element.ValueKind == JsonValueKind.String && TryParse(element.GetString(), out var inner) ? inner : element;
            case string s:
                return TryParse(s, out var parsed) ? parsed : JsonSerializer.SerializeToElement(s);
            default:
                return JsonSerializer.SerializeToElement(result, result.GetType(), JsonOptions);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static bool TryParse(string? text, out JsonElement element)
    {
        element = default;
        var trimmed = text?.TrimStart();
        if (string.IsNullOrEmpty(trimmed) || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return false;
        }

        try
        {
            element = JsonDocument.Parse(trimmed).RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsMessageOnly(JsonElement root, out string text)
    {
        text = "";
        var props = root.EnumerateObject().ToList();
        var message = props.FirstOrDefault(p => p.Name.Equals("message", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("error", StringComparison.OrdinalIgnoreCase));
        if (message.Value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        // A failure record carries the message and little else (a code, the id it was about).
        var others = props.Count(p => p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object
            || (p.Value.ValueKind == JsonValueKind.Number && !IsIdName(p.Name)));
        if (others > 0)
        {
            return false;
        }

        text = message.Value.GetString() ?? "";
        return true;
    }

    private static AnswerTable? Table(JsonElement array, string source, List<long> leadIds, List<string> properties, ToolPresentation units)
    {
        var rows = array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var columns = rows[0].EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                || (p.Value.ValueKind == JsonValueKind.Object && p.Value.EnumerateObject().All(x => x.Value.ValueKind == JsonValueKind.Number)))
            .Select(p => p.Name)
            .Take(MaxColumns)
            .ToList();
        var cells = new List<IReadOnlyList<string>>();
        foreach (var row in rows.Take(MaxRows))
        {
            cells.Add(columns.Select(c => row.TryGetProperty(c, out var v) ? Format(c, v, units) : "").ToList());
        }

        foreach (var row in rows)
        {
            CollectEntity(row, leadIds, properties);
        }

        return new AnswerTable(columns.Select(Humanize).ToList(), cells, source);
    }

    /// <summary>A chart the tool returned: {title, x:[...], series:{name:[...]}, lower?, upper?, yLabel?}; anything else is ignored.</summary>
    private static AnswerChart? Chart(JsonElement value, string source)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("x", out var x) || x.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("series", out var series) || series.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var labels = x.EnumerateArray().Select(e => e.ToString()).ToList();
        var lines = series.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .ToDictionary(p => p.Name, p => (IReadOnlyList<double>)Numbers(p.Value), StringComparer.Ordinal);
        if (labels.Count == 0 || lines.Count == 0 || lines.Values.Any(l => l.Count != labels.Count))
        {
            return null;
        }

        return new AnswerChart(value.TryGetProperty("title", out var t) ? t.ToString() : "", labels, lines, source)
        {
            Lower = Band(value, "lower", labels.Count),
            Upper = Band(value, "upper", labels.Count),
            YLabel = value.TryGetProperty("yLabel", out var y) && y.ValueKind == JsonValueKind.String ? y.GetString() : null,
        };
    }

    private static List<double> Numbers(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN).ToList();

    private static List<double>? Band(JsonElement chart, string name, int count) =>
        chart.TryGetProperty(name, out var band) && band.ValueKind == JsonValueKind.Array && band.GetArrayLength() == count ? Numbers(band) : null;

    private static void CollectEntity(JsonElement record, List<long> leadIds, List<string> properties)
    {
        foreach (var p in record.EnumerateObject())
        {
            var name = ParameterNames.Canonical(p.Name);
            if ((name is "leadid" || (name == "id" && !record.TryGetProperty("parcelId", out _))) && p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var id))
            {
                leadIds.Add(id);
            }
            else if (name is "address" or "parcelid" or "parcel" && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                var v = p.Value.ToString();
                if (v.Length > 0 && !properties.Contains(v))
                {
                    properties.Add(v);
                }
            }
        }
    }

    private static void AddFacts(List<AnswerFact> facts, List<string> path, string name, JsonElement value, string source, ToolPresentation units)
    {
        var label = Humanize(string.Join(' ', path.Append(name)));
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var inner = value.EnumerateObject().ToList();
                if (inner.Count == 2 && inner.All(p => p.Value.ValueKind == JsonValueKind.Number))
                {
                    // An interval {low, high} reads best as one fact.
                    facts.Add(new AnswerFact(label, $"{Format(inner[0].Name + name, inner[0].Value, units)} – {Format(inner[1].Name + name, inner[1].Value, units)}", source));
                    return;
                }

                foreach (var p in inner)
                {
                    AddFacts(facts, [.. path, name], p.Name, p.Value, source, units);
                }

                return;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? Clip(e.GetString() ?? "") : e.ToString()).Where(s => s.Length > 0).Take(5).ToList();
                if (items.Count > 0)
                {
                    facts.Add(new AnswerFact(label, string.Join("; ", items), source));
                }

                return;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            default:
                facts.Add(new AnswerFact(label, Format(name, value, units), source));
                return;
        }
    }

    /// <summary>
    /// Formats a value for people: money with a dollar sign, percentages with a %; the digits stay the tool's (a declared
    /// fraction is scaled to a percentage). <paramref name="units"/> adds what the capability declared (money, fractions).
    /// </summary>
    internal static string Format(string name, JsonElement value, ToolPresentation? units = null)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return Clip(value.GetString() ?? "");
            case JsonValueKind.True:
                return "yes";
            case JsonValueKind.False:
                return "no";
            case JsonValueKind.Number:
                var n = value.GetDouble();
                var key = ParameterNames.Canonical(name);
                if (IsIdName(name) || key.Contains("year", StringComparison.Ordinal))
                {
                    return value.GetRawText();
                }

                if (units?.Fractions.Contains(key) == true)
                {
                    return (n * 100).ToString(Math.Abs(n) < 0.1 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%";
                }

                // A declared amount is dollars at any size; a name that merely sounds like money ("value") only from $1,000. The ends
                // of a range ("low80") are declared by the capability: a range of home sales is not dollars.
                if (units?.Money.Contains(key) == true || (IsMoneyName(key) && Math.Abs(n) >= 1000))
                {
                    return (n < 0 ? "-$" : "$") + Math.Abs(n).ToString(Math.Abs(n) >= 1000 ? "N0" : "0.##", CultureInfo.InvariantCulture);
                }

                // Small numbers keep a third decimal: a sale-to-list ratio of 1.004 must not read as "1".
                var text = Math.Abs(n) >= 1000 ? n.ToString("N0", CultureInfo.InvariantCulture)
                    : n.ToString(Math.Abs(n) < 10 ? "0.###" : "0.##", CultureInfo.InvariantCulture);
                return key.Contains("percent", StringComparison.Ordinal) || key.Contains("pct", StringComparison.Ordinal) ? text + "%" : text;
            case JsonValueKind.Object:
                return string.Join(" – ", value.EnumerateObject().Select(p => Format(p.Name + name, p.Value, units)));
            default:
                return Clip(value.ToString());
        }
    }

    private static bool IsIdName(string name)
    {
        var key = ParameterNames.Canonical(name);
        return key is "id" or "zip" or "zipcode" || key.EndsWith("id", StringComparison.Ordinal);
    }

    private static bool IsMoneyName(string key) =>
        key.Contains("price", StringComparison.Ordinal) || key.Contains("value", StringComparison.Ordinal) || key.Contains("amount", StringComparison.Ordinal)
        || key.Contains("estimate", StringComparison.Ordinal)
        || key.Contains("zhvi", StringComparison.Ordinal) || key.Contains("dollar", StringComparison.Ordinal) || key.Contains("cost", StringComparison.Ordinal);

    internal static string Humanize(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or ' ')
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            if (char.IsUpper(c) && i > 0 && sb.Length > 0 && sb[^1] != ' ' && !char.IsUpper(name[i - 1]))
            {
                sb.Append(' ');
            }

            sb.Append(sb.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return sb.ToString().Replace(" percent", " %", StringComparison.Ordinal).Replace(" pct", " %", StringComparison.Ordinal);
    }

    internal static string Clip(string text)
    {
        var single = text.ReplaceLineEndings(" ").Trim();
        return single.Length <= MaxStringLength ? single : single[..(MaxStringLength - 3)].TrimEnd() + "...";
    }

    private static string DefaultSubject(IReadOnlyDictionary<string, object?> arguments)
    {
        foreach (var key in new[] { "address", "zip", "region" })
        {
            var hit = arguments.FirstOrDefault(a => a.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (hit.Value is { } v && v.ToString() is { Length: > 0 } s)
            {
                return s;
            }
        }

        return "your market";
    }
}

/// <summary>The answer plus the entities it listed, in order (for "the second one" next turn).</summary>
public sealed record ComposedAnswer(StructuredAnswer Answer, IReadOnlyList<long> LeadIds, IReadOnlyList<string> Properties);
