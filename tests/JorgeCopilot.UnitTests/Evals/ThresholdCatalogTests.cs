using JorgeCopilot.Evals.Runner;

namespace JorgeCopilot.UnitTests.Evals;

public sealed class ThresholdCatalogTests
{
    [Fact]
    public void Parses_bounds_per_suite_dataset_and_metric()
    {
        var catalog = ThresholdCatalog.Parse("""
            { "lead-scoring": { "bank-marketing": { "auc": { "min": 0.79 }, "brier": { "max": 0.09 } } } }
            """);

        var bounds = catalog.For("lead-scoring", "bank-marketing");
        bounds["auc"].Min.ShouldBe(0.79);
        bounds["auc"].Max.ShouldBeNull();
        bounds["brier"].Max.ShouldBe(0.09);
        catalog.For("lead-scoring", "x-education").ShouldBeEmpty();
        catalog.For("pricing", "kc-house").ShouldBeEmpty();
    }

    [Fact]
    public void A_misspelt_bound_is_rejected_instead_of_gating_nothing()
    {
        var ex = Should.Throw<InvalidDataException>(() =>
            ThresholdCatalog.Parse("""{ "pricing": { "kc-house": { "mdape": { "maximum": 0.1 } } } }""", "thresholds.json"));
        ex.Message.ShouldContain("thresholds.json");
    }

    [Fact]
    public void A_bound_without_min_or_max_is_rejected()
    {
        var ex = Should.Throw<InvalidDataException>(() => ThresholdCatalog.Parse("""{ "pricing": { "kc-house": { "mdape": { } } } }"""));
        ex.Message.ShouldContain("pricing/kc-house/mdape");
    }

    [Fact]
    public void The_repository_thresholds_file_is_found_and_valid()
    {
        var path = ThresholdCatalog.Locate();
        File.Exists(path).ShouldBeTrue();
        Should.NotThrow(() => ThresholdCatalog.Load(path));
    }
}
