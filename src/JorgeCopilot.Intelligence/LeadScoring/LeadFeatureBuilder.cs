using System.Globalization;
using JorgeCopilot.Intelligence.Statistics;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>Fits a <see cref="LeadFeatureSchema"/> on training leads and turns leads into feature vectors with it.</summary>
public sealed class LeadFeatureBuilder
{
    public const string SourceGroup = "source";
    public const string ChannelGroup = "channel";
    private const int MaxLevels = 40;

    private static readonly string[] HistoryFeatures =
    [
        "messages_inbound", "messages_outbound", "reply_rate", "lead_reply_minutes_median", "agent_response_minutes_median",
        "conversation_days",
    ];

    private readonly LeadFeatureSchema _schema;
    private readonly HashSet<string> _missing;
    private readonly Dictionary<string, int>[] _levelIndex;
    private readonly int[] _categoricalOffset;
    private readonly int _historyOffset;

    public LeadFeatureBuilder(LeadFeatureSchema schema)
    {
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _missing = new HashSet<string>(schema.MissingValues, StringComparer.OrdinalIgnoreCase);
        var offset = schema.Numeric.Sum(n => n.MissingFlag ? 2 : 1);
        _categoricalOffset = new int[schema.Categorical.Count];
        _levelIndex = new Dictionary<string, int>[schema.Categorical.Count];
        for (var i = 0; i < schema.Categorical.Count; i++)
        {
            _categoricalOffset[i] = offset;
            _levelIndex[i] = schema.Categorical[i].Levels.Select((l, j) => (l, j)).ToDictionary(p => p.l, p => p.j, StringComparer.Ordinal);
            offset += schema.Categorical[i].Levels.Count;
        }

        _historyOffset = offset;
        FeatureCount = schema.Features.Count;
    }

    public LeadFeatureSchema Schema => _schema;

    public int FeatureCount { get; }

    /// <summary>
    /// Learns the schema. Column kinds come from <paramref name="declaredKinds"/> (the mapping) when given, else a column
    /// is numeric when every non-missing value parses as a number. Source and channel become categorical features.
    /// </summary>
    public static LeadFeatureBuilder Fit(IReadOnlyList<LeadRecord> leads, IReadOnlyDictionary<string, LeadColumnKind>? declaredKinds = null,
        IEnumerable<string>? missingValues = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var missing = new HashSet<string>(missingValues ?? [""], StringComparer.OrdinalIgnoreCase) { "" };
        var columns = leads.SelectMany(l => l.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var numeric = new List<LeadFeatureSchema.NumericColumn>();
        var categorical = new List<LeadFeatureSchema.CategoricalColumn>();
        var minCount = Math.Max(5, leads.Count / 500);

        foreach (var column in columns)
        {
            var values = leads.Select(l => l.Attributes.GetValueOrDefault(column)).ToList();
            var present = values.Where(v => v is not null && !missing.Contains(v.Trim())).Select(v => v!.Trim()).ToList();
            if (present.Count == 0)
            {
                continue;
            }

            var kind = declaredKinds is not null && declaredKinds.TryGetValue(column, out var declared)
                ? declared
                : present.All(v => TryNumber(v, out _)) ? LeadColumnKind.Numeric : LeadColumnKind.Categorical;
            if (kind == LeadColumnKind.Numeric)
            {
                var numbers = present.Select(v => TryNumber(v, out var d) ? d : double.NaN).Where(d => !double.IsNaN(d)).Order().ToList();
                if (numbers.Count == 0 || numbers[0] == numbers[^1])
                {
                    continue; // constant: carries no signal
                }

                numeric.Add(new(column, numbers[numbers.Count / 2], numbers.Count < values.Count));
            }
            else
            {
                var levels = Levels(present, minCount);
                if (levels.Count > 1 || (levels.Count == 1 && present.Count < values.Count))
                {
                    categorical.Add(new(column, levels));
                }
            }
        }

        var sources = Levels(leads.Select(l => l.Source).OfType<string>().ToList(), minCount);
        if (sources.Count > 1)
        {
            categorical.Add(new(SourceGroup, sources));
        }

        var channels = Levels(leads.Select(l => l.Channel).OfType<string>().ToList(), minCount);
        if (channels.Count > 1)
        {
            categorical.Add(new(ChannelGroup, channels));
        }

        var history = leads.Any(l => l.Messages.Count > 0);
        var historyChannels = history
            ? Levels(leads.SelectMany(l => l.Messages.Select(m => m.Channel)).ToList(), minCount)
            : [];

        var features = new List<LeadFeatureSchema.FeatureInfo>();
        foreach (var n in numeric)
        {
            features.Add(new(n.Column, n.Column, null));
            if (n.MissingFlag)
            {
                features.Add(new(n.Column + " missing", n.Column, "(missing)"));
            }
        }

        foreach (var c in categorical)
        {
            features.AddRange(c.Levels.Select(level => new LeadFeatureSchema.FeatureInfo($"{c.Column}={level}", c.Column, level)));
        }

        if (history)
        {
            features.AddRange(HistoryFeatures.Select(h => new LeadFeatureSchema.FeatureInfo(h, h, null)));
            features.AddRange(historyChannels.Select(ch => new LeadFeatureSchema.FeatureInfo($"share_{ch}", "channel_mix", ch)));
        }

        return new LeadFeatureBuilder(new LeadFeatureSchema
        {
            Numeric = numeric,
            Categorical = categorical,
            History = history,
            HistoryChannels = historyChannels,
            MissingValues = [.. missing],
            Features = features,
        });
    }

    public float[] Transform(LeadRecord lead)
    {
        var x = new float[FeatureCount];
        Transform(lead, x);
        return x;
    }

    public void Transform(LeadRecord lead, Span<float> x)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var i = 0;
        foreach (var n in _schema.Numeric)
        {
            var raw = lead.Attributes.GetValueOrDefault(n.Column);
            var isMissing = raw is null || _missing.Contains(raw.Trim()) || !TryNumber(raw, out _);
            x[i++] = isMissing ? (float)n.Median : TryNumber(raw!, out var d) ? (float)d : (float)n.Median;
            if (n.MissingFlag)
            {
                x[i++] = isMissing ? 1f : 0f;
            }
        }

        for (var c = 0; c < _schema.Categorical.Count; c++)
        {
            var column = _schema.Categorical[c].Column;
            var value = column switch
            {
                SourceGroup when !lead.Attributes.ContainsKey(SourceGroup) => lead.Source,
                ChannelGroup when !lead.Attributes.ContainsKey(ChannelGroup) => lead.Channel,
                _ => lead.Attributes.GetValueOrDefault(column),
            };
            var offset = _categoricalOffset[c];
            x.Slice(offset, _schema.Categorical[c].Levels.Count).Clear();
            if (value is not null && _levelIndex[c].TryGetValue(value.Trim(), out var level))
            {
                x[offset + level] = 1f;
            }
        }

        if (_schema.History)
        {
            WriteHistory(lead.Messages, x[_historyOffset..]);
        }
    }

    /// <summary>The raw value behind a feature group, for reasons ("job = student").</summary>
    public string? RawValue(LeadRecord lead, string group) => group switch
    {
        SourceGroup when !lead.Attributes.ContainsKey(SourceGroup) => lead.Source,
        ChannelGroup when !lead.Attributes.ContainsKey(ChannelGroup) => lead.Channel,
        _ => lead.Attributes.GetValueOrDefault(group),
    };

    private void WriteHistory(IReadOnlyList<LeadMessageEvent> messages, Span<float> x)
    {
        var ordered = messages.OrderBy(m => m.SentAt).ToList();
        var inbound = ordered.Count(m => m.Inbound);
        var outbound = ordered.Count - inbound;
        var leadReplies = new List<double>();
        var agentReplies = new List<double>();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Inbound != ordered[i - 1].Inbound)
            {
                var minutes = (ordered[i].SentAt - ordered[i - 1].SentAt).TotalMinutes;
                (ordered[i].Inbound ? leadReplies : agentReplies).Add(minutes);
            }
        }

        x[0] = inbound;
        x[1] = outbound;
        x[2] = outbound == 0 ? 0f : (float)leadReplies.Count / outbound;
        // -1 = "never happened", distinct from any real delay for the trees.
        x[3] = leadReplies.Count == 0 ? -1f : (float)Stats.Median(leadReplies);
        x[4] = agentReplies.Count == 0 ? -1f : (float)Stats.Median(agentReplies);
        x[5] = ordered.Count < 2 ? 0f : (float)(ordered[^1].SentAt - ordered[0].SentAt).TotalDays;
        for (var c = 0; c < _schema.HistoryChannels.Count; c++)
        {
            var channel = _schema.HistoryChannels[c];
            x[HistoryFeatures.Length + c] = ordered.Count == 0 ? 0f
                : (float)ordered.Count(m => string.Equals(m.Channel, channel, StringComparison.OrdinalIgnoreCase)) / ordered.Count;
        }
    }

    private static List<string> Levels(List<string> values, int minCount) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0)
            .GroupBy(v => v, StringComparer.Ordinal)
            .Where(g => g.Count() >= minCount)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxLevels)
            .Select(g => g.Key)
            .ToList();

    internal static bool TryNumber(string value, out double number) =>
        double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
