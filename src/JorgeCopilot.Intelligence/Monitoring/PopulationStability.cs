using System.Text.Json.Serialization;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>
/// Population stability index of one feature: Σ (a − e) ln(a / e) over bins fixed on the training data.
/// Conventional reading: below 0.1 stable, 0.1–0.25 moderate shift, above 0.25 a significant shift (retrain).
/// </summary>
public static class PopulationStability
{
    public const double ModerateShift = 0.1;
    public const double SignificantShift = 0.25;
    private const double Floor = 1e-4;

    /// <summary>Bins for one feature from its training values: deciles' edges, collapsed where values repeat.</summary>
    public static FeatureBins Fit(string feature, IReadOnlyList<float> trainingValues, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(trainingValues);
        var sorted = trainingValues.Order().ToArray();
        var edges = new SortedSet<float>();
        for (var b = 1; b < bins; b++)
        {
            edges.Add(sorted[(int)((long)b * (sorted.Length - 1) / bins)]);
        }

        var edgeArray = edges.ToArray();
        var proportions = Proportions(edgeArray, trainingValues);
        return new FeatureBins(feature, edgeArray, proportions);
    }

    /// <summary>Share of values per bin: bin k holds values in (edge[k-1], edge[k]]; the last bin everything above.</summary>
    public static double[] Proportions(IReadOnlyList<float> edges, IEnumerable<float> values)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(values);
        var counts = new double[edges.Count + 1];
        var total = 0;
        foreach (var v in values)
        {
            var k = 0;
            while (k < edges.Count && v > edges[k])
            {
                k++;
            }

            counts[k]++;
            total++;
        }

        return total == 0 ? counts : counts.Select(c => c / total).ToArray();
    }

    public static double Index(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count != actual.Count)
        {
            throw new ArgumentException("Bin counts differ.", nameof(actual));
        }

        double psi = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Math.Max(expected[i], Floor);
            var a = Math.Max(actual[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    public static string Band(double psi) => psi < ModerateShift ? "stable" : psi < SignificantShift ? "moderate" : "significant";
}

/// <summary>A feature's training distribution over fixed bins, saved with the model for drift checks.</summary>
public sealed record FeatureBins(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("edges")] float[] Edges,
    [property: JsonPropertyName("proportions")] double[] Proportions);
