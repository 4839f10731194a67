using System.Globalization;
using JorgeCopilot.Intelligence.Explain;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Turns per-feature contributions into reasons a person can read ("3 previous contacts: +9 pts"). Contributions are
/// summed per source column (a one-hot column's levels together) and converted from raw-score units to probability
/// points by sharing the calibrated gap (probability − probability at the average score) in proportion, so the
/// points add up to how far this lead sits from the average lead.
/// </summary>
public static class LeadReasonFormatter
{
    public static IReadOnlyList<LeadReason> Reasons(LeadFeatureBuilder features, LeadRecord lead, float[] x,
        FeatureAttribution attribution, PlattCalibrator calibrator, double probability, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(attribution);
        ArgumentNullException.ThrowIfNull(calibrator);
        var groups = new Dictionary<string, double>(StringComparer.Ordinal);
        var schema = features.Schema.Features;
        for (var i = 0; i < schema.Count; i++)
        {
            groups[schema[i].Group] = groups.GetValueOrDefault(schema[i].Group) + attribution.Contributions[i];
        }

        var totalRaw = groups.Values.Sum();
        var gapPoints = (probability - calibrator.Probability(attribution.Bias)) * 100;
        var scale = Math.Abs(totalRaw) < 1e-12 ? 0 : gapPoints / totalRaw;
        return groups
            .Select(g => (Group: g.Key, Points: g.Value * scale))
            .Where(g => Math.Abs(g.Points) >= 0.05)
            .OrderByDescending(g => Math.Abs(g.Points))
            .Select(g => new LeadReason(g.Group, $"{Describe(features, lead, x, g.Group, labels)}: {FormatPoints(g.Points)}", Math.Round(g.Points, 1)))
            .ToList();
    }

    public static string FormatPoints(double points) =>
        (points >= 0 ? "+" : "−") + Math.Abs(points).ToString(Math.Abs(points) < 1 ? "0.0" : "0", CultureInfo.InvariantCulture) + " pts";

    /// <summary>How a column is named to Jorge: the mapping's label, else the column itself.</summary>
    public static string Label(string column, IReadOnlyDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(column, out var label) && !string.IsNullOrWhiteSpace(label) ? label : column;

    private static string Describe(LeadFeatureBuilder features, LeadRecord lead, float[] x, string group, IReadOnlyDictionary<string, string>? labels)
    {
        var schema = features.Schema;
        var index = schema.Features.FindIndex(f => f.Group == group);
        switch (group)
        {
            case "messages_inbound": return $"{x[index]:0} messages from the lead";
            case "messages_outbound": return $"{x[index]:0} messages sent to the lead";
            case "reply_rate": return $"replied to {x[index] * 100:0}% of messages";
            case "lead_reply_minutes_median": return x[index] < 0 ? "has not replied yet" : $"replies in {Minutes(x[index])} (median)";
            case "agent_response_minutes_median": return x[index] < 0 ? "no reply sent yet" : $"we answered in {Minutes(x[index])} (median)";
            case "conversation_days": return $"conversation over {x[index]:0} days";
            case "channel_mix": return "channel mix of the conversation";
        }

        var raw = features.RawValue(lead, group)?.Trim();
        var missing = raw is null || schema.MissingValues.Contains(raw, StringComparer.OrdinalIgnoreCase);
        var label = Label(group, labels);
        if (missing)
        {
            return $"{label} unknown";
        }

        return group switch
        {
            "campaign" => $"{raw} contacts in this campaign",
            "previous" => $"{raw} previous contacts",
            "pdays" => raw == "999" ? "not contacted in an earlier campaign" : $"last contacted {raw} days before",
            "poutcome" => $"earlier campaign outcome: {raw}",
            "contact" or LeadFeatureBuilder.ChannelGroup => $"reached by {raw}",
            "month" => $"contacted in {raw}",
            "day_of_week" => $"contacted on {raw}",
            LeadFeatureBuilder.SourceGroup => $"source: {raw}",
            // A mapping label speaks for its column ("3-month interest rate: 4.86"); without one the column is named as it is.
            _ => string.Equals(label, group, StringComparison.Ordinal) ? $"{group} = {raw}" : $"{label}: {raw}",
        };
    }

    private static string Minutes(float minutes) =>
        minutes < 90 ? $"{minutes:0} min" : minutes < 48 * 60 ? $"{minutes / 60:0.#} h" : $"{minutes / 1440:0.#} days";
}
