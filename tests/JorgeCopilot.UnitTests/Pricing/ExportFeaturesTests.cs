using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Testing;

namespace JorgeCopilot.UnitTests.Pricing;

/// <summary>A sales export's own columns (garage type, a quality score, a neighbourhood) as features, and homes described without a location.</summary>
public sealed class ExportFeaturesTests
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["garage"] = "garage type",
        ["quality"] = "overall quality",
    };

    private static readonly Lazy<(List<HomeSale> Sales, PriceModel Model)> Trained = new(() =>
    {
        var sales = WithExportColumns(SyntheticSales.Generate(900, seed: 21));
        return (sales, PriceModelBuilder.Train(sales, SyntheticSales.QuickOptions() with { Iterations = 150 }, labels: Labels));
    });

    /// <summary>An attached garage adds 15%, each quality point 4%; neighbourhoods follow the ZIP areas.</summary>
    private static List<HomeSale> WithExportColumns(List<HomeSale> sales)
    {
        var garages = new[] { "Attached", "Detached", "None" };
        return sales.Select((s, i) =>
        {
            var garage = garages[i % 3];
            // Garage cycles with i, quality with i / 3: every garage type meets every quality.
            var quality = 3 + i / 3 % 6;
            var factor = (garage == "Attached" ? 1.15 : 1.0) * Math.Exp(0.04 * (quality - 5));
            return s with
            {
                Price = Math.Round(s.Price * factor),
                Home = s.Home with
                {
                    Neighborhood = $"Area {s.Home.Zip}",
                    Categories = new Dictionary<string, string>(StringComparer.Ordinal) { ["garage"] = garage },
                    Numbers = new Dictionary<string, double>(StringComparer.Ordinal) { ["quality"] = quality },
                },
            };
        }).ToList();
    }

    [Fact]
    public void Every_export_column_becomes_a_feature_named_by_its_mapping_label()
    {
        var (_, model) = Trained.Value;

        var names = model.FeatureNames.Select(n => n.Name).ToList();
        names.ShouldContain("quality");
        names.ShouldContain("garage=Attached");
        names.ShouldContain("garage=None");
        names.ShouldContain("neighborhood_log_ppsf");
        model.FeatureNames.Single(n => n.Name == "quality").Label.ShouldBe("overall quality");
        model.FeatureCount.ShouldBe(PricingFeatures.Count + model.Extras.Width);
        model.Info.Algorithm.ShouldContain("garage type");
    }

    [Fact]
    public void A_text_column_gives_one_reason_with_the_homes_own_value_and_contributions_still_sum_to_the_value()
    {
        var (sales, model) = Trained.Value;
        var subject = sales[0];

        var (estimate, factors) = model.Explain(subject.Home, subject.SaleDate, subject.ParcelId);

        var garage = factors.Where(f => f.Label == "garage type").ShouldHaveSingleItem();
        garage.Text.ShouldBe(subject.Home.Categories!["garage"]);
        var features = model.Features(subject.Home, subject.SaleDate, subject.ParcelId);
        model.Attribute(features).Total.ShouldBe(model.LogValue(features), 1e-9);
        Math.Log(estimate.Value).ShouldBe(model.LogValue(features), 1e-9);
    }

    [Fact]
    public void The_model_learns_what_the_export_columns_are_worth()
    {
        var (sales, model) = Trained.Value;
        var home = sales[4].Home;
        double Value(string garage, double quality) => model.Estimate(home with
        {
            Categories = new Dictionary<string, string>(StringComparer.Ordinal) { ["garage"] = garage },
            Numbers = new Dictionary<string, double>(StringComparer.Ordinal) { ["quality"] = quality },
        }, new DateOnly(2015, 6, 1), "not-in-pool").Value;

        (Value("Attached", 5) / Value("None", 5)).ShouldBeGreaterThan(1.05);
        Value("Detached", 8).ShouldBeGreaterThan(Value("Detached", 3));
    }

    [Fact]
    public void The_export_columns_survive_a_round_trip_through_the_registry_bytes()
    {
        var (sales, model) = Trained.Value;
        var subject = sales[7];

        var loaded = PriceModel.FromBytes(model.ToBytes());

        loaded.FeatureNames.ShouldBe(model.FeatureNames);
        loaded.Estimate(subject.Home, subject.SaleDate, subject.ParcelId).Value
            .ShouldBe(model.Estimate(subject.Home, subject.SaleDate, subject.ParcelId).Value, 1e-6);
    }

    [Fact]
    public void Sales_without_any_location_train_with_a_warning_and_located_sales_without_one()
    {
        var sales = SyntheticSales.Generate(200, seed: 4);
        var nowhere = sales.Select(s => s with { Home = s.Home with { Latitude = double.NaN, Longitude = double.NaN, Zip = null } }).ToList();
        var zipOnly = sales.Select(s => s with { Home = s.Home with { Latitude = double.NaN, Longitude = double.NaN } }).ToList();

        PriceModelBuilder.LocationWarnings(nowhere).ShouldHaveSingleItem().ShouldContain("No location is mapped");
        PriceModelBuilder.LocationWarnings(zipOnly).ShouldBeEmpty();
        PriceModelBuilder.LocationWarnings(sales).ShouldBeEmpty();
    }

    [Fact]
    public void A_home_described_without_a_location_is_valued_across_the_market_with_a_wider_range()
    {
        var (sales, model) = Trained.Value;
        var described = sales[0].Home with
        {
            Latitude = double.NaN, Longitude = double.NaN, Zip = null, Neighborhood = null, Bedrooms = 3, Bathrooms = 2, LivingSqft = 1500, YearBuilt = 1990,
        };

        var valuation = HomeValuator.ValueAnywhere(model, described);

        var prices = sales.Select(s => s.Price).Order().ToArray();
        valuation.Estimate.Value.ShouldBeInRange(prices[prices.Length / 20], prices[prices.Length * 19 / 20]);
        Math.Log(valuation.Estimate.High80 / valuation.Estimate.Value).ShouldBeGreaterThan(model.Conformal.HalfWidth80);
        valuation.Comparables.Count.ShouldBe(8);
        valuation.Comparables.ShouldAllBe(c => c.DistanceKm == null && Math.Abs(Math.Log(c.LivingSqft / 1500)) < 0.3);
        valuation.Reasons[0].Factor.ShouldBe("location");
    }

    [Fact]
    public void A_described_home_with_only_a_zip_draws_its_comparables_from_that_zip()
    {
        var (sales, model) = Trained.Value;
        var zip = sales[0].Home.Zip!;
        var described = sales[0].Home with { Latitude = double.NaN, Longitude = double.NaN, Zip = zip, LivingSqft = 1500 };

        var valuation = HomeValuator.ValueAnywhere(model, described);

        valuation.Comparables.ShouldAllBe(c => c.Zip == zip);
        valuation.Reasons[0].Text.ShouldContain(zip);
    }
}
