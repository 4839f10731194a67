using System.Text.Json.Serialization;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// How a lead becomes a feature vector, learnt from training data and saved with the model: numeric columns
/// (median-imputed, with a missing flag when training saw missing values), categorical columns one-hot encoded
/// over their frequent levels, and message-history features.
/// </summary>
public sealed class LeadFeatureSchema
{
    [JsonPropertyName("numeric")]
    public List<NumericColumn> Numeric { get; init; } = [];

    [JsonPropertyName("categorical")]
    public List<CategoricalColumn> Categorical { get; init; } = [];

    [JsonPropertyName("history")]
    public bool History { get; init; }

    [JsonPropertyName("historyChannels")]
    public List<string> HistoryChannels { get; init; } = [];

    [JsonPropertyName("missingValues")]
    public List<string> MissingValues { get; init; } = [""];

    /// <summary>Feature names in vector order, e.g. <c>age</c>, <c>job=student</c>, <c>messages_inbound</c>.</summary>
    [JsonPropertyName("features")]
    public List<FeatureInfo> Features { get; init; } = [];

    /// <summary>
    /// The lead attribute columns the model reads (numeric and categorical; not the lead's source or channel, which
    /// every lead has): what a lead must carry for the model to speak about it.
    /// </summary>
    public IReadOnlyList<string> AttributeColumns() =>
        Numeric.Select(n => n.Column).Concat(Categorical.Select(c => c.Column))
            .Where(c => c is not (LeadFeatureBuilder.SourceGroup or LeadFeatureBuilder.ChannelGroup))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The columns of <see cref="AttributeColumns"/> the lead does not carry at all (a blank value is carried: it reads as unknown).</summary>
    public IReadOnlyList<string> AbsentColumns(LeadRecord lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return AttributeColumns().Where(c => !lead.Attributes.ContainsKey(c)).ToList();
    }

    /// <summary>True when the lead lacks more than half of the columns the model reads: its score would be the model's guess about nobody.</summary>
    public bool CannotScore(LeadRecord lead)
    {
        var columns = AttributeColumns();
        return columns.Count > 0 && AbsentColumns(lead).Count * 2 > columns.Count;
    }

    public sealed record NumericColumn(
        [property: JsonPropertyName("column")] string Column,
        [property: JsonPropertyName("median")] double Median,
        [property: JsonPropertyName("missingFlag")] bool MissingFlag);

    public sealed record CategoricalColumn(
        [property: JsonPropertyName("column")] string Column,
        [property: JsonPropertyName("levels")] List<string> Levels);

    /// <param name="Name">Feature name.</param>
    /// <param name="Group">The source column (or history feature) it derives from; reasons are given per group.</param>
    /// <param name="Level">For one-hot features, the category level.</param>
    public sealed record FeatureInfo(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("group")] string Group,
        [property: JsonPropertyName("level")] string? Level);
}

/// <summary>The columns of an export and how to read them.</summary>
public enum LeadColumnKind
{
    Numeric,
    Categorical,
}
