using JorgeCopilot.Evals.Runner;

namespace JorgeCopilot.UnitTests;

/// <summary>The CI gates from <c>evals/thresholds.json</c>, so tests hold the same bar as the evals instead of copying numbers.</summary>
internal static class Thresholds
{
    private static readonly ThresholdCatalog Catalog = ThresholdCatalog.Load(RepositoryRoot.File("evals", ThresholdCatalog.FileName));

    public static IEnumerable<(string Metric, double Min)> Minimums(string suite, string dataset) =>
        Catalog.For(suite, dataset).Where(b => b.Value.Min is not null).Select(b => (b.Key, b.Value.Min!.Value));
}
