using System.Text.Json.Serialization;

namespace JorgeCopilot.Core.Evaluation;

/// <summary>report.json: <c>{"runs":[{"suite","dataset","metrics","thresholds","passed"}],"passed"}</c>. Names are stable.</summary>
public sealed record EvalReport(
    [property: JsonPropertyName("runs")] IReadOnlyList<EvalRunReport> Runs,
    [property: JsonPropertyName("passed")] bool Passed);

public sealed record EvalRunReport(
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("thresholds")] IReadOnlyDictionary<string, MetricThreshold> Thresholds,
    [property: JsonPropertyName("passed")] bool Passed)
{
    [JsonPropertyName("failures")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Failures { get; init; }

    [JsonPropertyName("charts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Charts { get; init; }

    [JsonPropertyName("notes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }
}

/// <summary>A bound on one metric; either side may be absent.</summary>
public sealed record MetricThreshold(
    [property: JsonPropertyName("min")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min = null,
    [property: JsonPropertyName("max")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max = null)
{
    public bool IsMet(double value) =>
        !double.IsNaN(value) && (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
