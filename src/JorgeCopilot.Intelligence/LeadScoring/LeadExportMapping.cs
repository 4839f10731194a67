using System.Text.Json;
using System.Text.Json.Serialization;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// How to read a lead export for training: the target, the leaky columns (never read, each with its reason), columns
/// that are identifiers, declared column kinds, and the values that mean "missing". JSON, e.g. evals/mappings/x-education.map.json.
/// </summary>
public sealed class LeadExportMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    [JsonPropertyName("dataset")]
    public string Dataset { get; init; } = "";

    [JsonPropertyName("delimiter")]
    public string Delimiter { get; init; } = ",";

    [JsonPropertyName("keyColumn")]
    public string? KeyColumn { get; init; }

    [JsonPropertyName("channelColumn")]
    public string? ChannelColumn { get; init; }

    /// <summary>True when rows are in time order (then a time-ordered holdout is meaningful).</summary>
    [JsonPropertyName("timeOrdered")]
    public bool TimeOrdered { get; init; }

    [JsonPropertyName("target")]
    public required TargetSpec Target { get; init; }

    [JsonPropertyName("leakyColumns")]
    public List<ColumnReason> LeakyColumns { get; init; } = [];

    [JsonPropertyName("ignoreColumns")]
    public List<ColumnReason> IgnoreColumns { get; init; } = [];

    /// <summary>column → "numeric" | "category"; undeclared columns are inferred.</summary>
    [JsonPropertyName("columns")]
    public Dictionary<string, string> Columns { get; init; } = [];

    [JsonPropertyName("missingValues")]
    public List<string> MissingValues { get; init; } = [""];

    public static LeadExportMapping Load(string path)
    {
        using var stream = File.OpenRead(path);
        var mapping = JsonSerializer.Deserialize<LeadExportMapping>(stream, Json)
            ?? throw new InvalidDataException($"{Path.GetFileName(path)}: empty mapping.");
        if (string.IsNullOrWhiteSpace(mapping.Target?.Column))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: the mapping names no target column.");
        }

        return mapping;
    }

    /// <summary>True when the column must not be used: leaky or an identifier. Names ending in * match by prefix.</summary>
    public bool Excludes(string column) =>
        column == Target.Column || LeakyColumns.Concat(IgnoreColumns).Any(c => Matches(c.Column, column));

    public IReadOnlyDictionary<string, LeadColumnKind> DeclaredKinds() => Columns.ToDictionary(
        p => p.Key,
        p => p.Value.Equals("numeric", StringComparison.OrdinalIgnoreCase) || p.Value is "int" or "double" or "decimal"
            ? LeadColumnKind.Numeric
            : LeadColumnKind.Categorical);

    private static bool Matches(string pattern, string column) =>
        pattern.EndsWith('*') ? column.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == column;

    public sealed record TargetSpec(
        [property: JsonPropertyName("column")] string Column,
        [property: JsonPropertyName("positive")] string Positive);

    public sealed record ColumnReason(
        [property: JsonPropertyName("column")] string Column,
        [property: JsonPropertyName("reason")] string Reason);
}
