namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// The columns a price model takes beyond the fixed home facts: every other mapped column of the sales export it was
/// trained on (numbers as they are, text one-hot over its most frequent values), plus the neighbourhood's out-of-fold
/// price level when the export names neighbourhoods. Stored with the model, so serving builds the same vector.
/// </summary>
public sealed record ExportFeatures(IReadOnlyList<ExportFeature> Columns, bool NeighborhoodLevel)
{
    /// <summary>A text value becomes its own one-hot column only when at least this many training sales carry it.</summary>
    public const int MinimumLevelCount = 15;

    /// <summary>At most this many one-hot columns per text column (the most frequent values; the rest read as none of them).</summary>
    public const int MaximumLevels = 20;

    public static ExportFeatures None { get; } = new([], false);

    /// <summary>How many vector entries the extra columns take.</summary>
    public int Width => (NeighborhoodLevel ? 1 : 0) + Columns.Sum(c => c.Levels?.Count ?? 1);

    /// <summary>Finds the extra columns in the training sales; <paramref name="labels"/> gives plain names by field (else the field name).</summary>
    public static ExportFeatures From(IReadOnlyList<HomeSale> sales, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(sales);
        string Label(string field) => labels is not null && labels.TryGetValue(field, out var l) && !string.IsNullOrWhiteSpace(l) ? l : field;
        var columns = new List<ExportFeature>();
        var numeric = sales.Where(s => s.Home.Numbers is not null).SelectMany(s => s.Home.Numbers!.Where(n => !double.IsNaN(n.Value)).Select(n => n.Key))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        columns.AddRange(numeric.Select(field => new ExportFeature(field, Label(field), null)));
        var text = sales.Where(s => s.Home.Categories is not null).SelectMany(s => s.Home.Categories!)
            .GroupBy(c => c.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var column in text)
        {
            var levels = column.GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() >= MinimumLevelCount)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(MaximumLevels).Select(g => g.Key).ToList();
            if (levels.Count > 0)
            {
                columns.Add(new ExportFeature(column.Key, Label(column.Key), levels));
            }
        }

        var neighborhoods = sales.Count(s => !string.IsNullOrWhiteSpace(s.Home.Neighborhood));
        return new ExportFeatures(columns, neighborhoods >= MinimumLevelCount);
    }

    /// <summary>Names (field, or field=value for a one-hot column), plain labels and the source field, in vector order.</summary>
    public IEnumerable<(string Name, string Label, string Field)> Names()
    {
        if (NeighborhoodLevel)
        {
            yield return ("neighborhood_log_ppsf", "neighbourhood price per sq ft", "neighborhood");
        }

        foreach (var column in Columns)
        {
            if (column.Levels is null)
            {
                yield return (column.Field, column.Label, column.Field);
                continue;
            }

            foreach (var level in column.Levels)
            {
                yield return ($"{column.Field}={level}", column.Label, column.Field);
            }
        }
    }

    /// <summary>Writes the extra columns of <paramref name="home"/> into <paramref name="v"/> (length <see cref="Width"/>).</summary>
    public void Write(HomeFeatures home, in NeighborhoodStats near, Span<float> v)
    {
        ArgumentNullException.ThrowIfNull(home);
        var at = 0;
        if (NeighborhoodLevel)
        {
            v[at++] = PricingFeatures.F(near.NeighborhoodLogPpsf);
        }

        foreach (var column in Columns)
        {
            if (column.Levels is null)
            {
                v[at++] = PricingFeatures.F(home.Numbers is not null && home.Numbers.TryGetValue(column.Field, out var n) ? n : double.NaN);
                continue;
            }

            var known = home.Categories is not null && home.Categories.TryGetValue(column.Field, out var value);
            foreach (var level in column.Levels)
            {
                // A missing value stays missing in every one-hot column (not "none of these"), so the trees can tell the two apart.
                v[at++] = !known ? PricingFeatures.Missing
                    : string.Equals(home.Categories![column.Field], level, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
        }
    }
}

/// <summary>One extra export column: numeric when <see cref="Levels"/> is null, else one-hot over those values.</summary>
public sealed record ExportFeature(string Field, string Label, IReadOnlyList<string>? Levels);
