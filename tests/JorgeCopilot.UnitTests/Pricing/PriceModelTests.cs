using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Testing;

namespace JorgeCopilot.UnitTests.Pricing;

public sealed class PriceModelTests
{
    private static readonly Lazy<(List<HomeSale> Sales, PriceModel Model)> Trained = new(() =>
    {
        var sales = SyntheticSales.Generate(600);
        return (sales, PriceModelBuilder.Train(sales, SyntheticSales.QuickOptions(outOfFold: true)));
    });

    [Fact]
    public void Comparables_are_five_to_ten_nearby_sales_never_the_subject_itself()
    {
        var (sales, model) = Trained.Value;
        var subject = sales[10];

        var comps = ComparableFinder.Find(model, subject.Home, subject.SaleDate, subject.ParcelId, 8);

        comps.Count.ShouldBe(8);
        comps.ShouldAllBe(c => c.ParcelId != subject.ParcelId);
        comps.ShouldAllBe(c => c.DistanceKm < 5);
        // Adjusted prices bring comparables of other sizes onto the subject: closer to its price than the raw prices.
        var rawError = comps.Average(c => Math.Abs(Math.Log(c.Price / subject.Price)));
        var adjustedError = comps.Average(c => Math.Abs(Math.Log(c.AdjustedPrice / subject.Price)));
        adjustedError.ShouldBeLessThan(rawError);
    }

    [Fact]
    public void Location_features_exclude_the_homes_own_parcel()
    {
        var (sales, _) = Trained.Value;
        var subject = sales[0];
        var others = sales.Skip(1).ToList();
        // The home's own sale at ten times the price sits exactly at its location.
        var inflated = subject with { Price = subject.Price * 10 };
        var withOwnSale = new NeighborhoodIndex([.. others, inflated]);
        var withoutOwnSale = new NeighborhoodIndex(others);

        var excluded = withOwnSale.Describe(subject.Home, subject.ParcelId);
        var reference = withoutOwnSale.Describe(subject.Home, subject.ParcelId);
        var leaked = withOwnSale.Describe(subject.Home, "someone-else");

        // Equal up to the small change the extra sale makes to pool-wide fits: the quality regression's date trend (by
        // which neighbours are time-adjusted) and the pool's mean latitude (the km-per-degree scale).
        excluded.NearLogPpsf.ShouldBe(reference.NearLogPpsf, 0.02);
        leaked.NearLogPpsf.ShouldBeGreaterThan(reference.NearLogPpsf + 0.1);
    }

    [Fact]
    public void Location_features_bring_neighbours_to_the_latest_market_level()
    {
        // The same homes, but in a market rising 12% a year: a neighbour sold a year before the latest sale counts at
        // today's level, not at the cheaper price it fetched then.
        var flat = SyntheticSales.Generate(600);
        var start = flat.Min(s => s.SaleDate);
        var rising = flat.Select(s => s with { Price = s.Price * Math.Exp(0.12 * Years(start, s.SaleDate)) }).ToList();
        var latest = Years(start, flat.Max(s => s.SaleDate));
        var subject = flat[7];

        var flatNear = new NeighborhoodIndex(flat).Describe(subject.Home, subject.ParcelId);
        var risingNear = new NeighborhoodIndex(rising).Describe(subject.Home, subject.ParcelId);

        // Unadjusted, the gap would be the trend at the neighbours' average sale date (about half of it).
        (risingNear.NearLogPpsf - flatNear.NearLogPpsf).ShouldBe(0.12 * latest, 0.015);
        (risingNear.ZipLogPpsf - flatNear.ZipLogPpsf).ShouldBe(0.12 * latest, 0.015);
        risingNear.NearPremium.ShouldBe(flatNear.NearPremium, 0.015);

        static double Years(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / 365.0;
    }

    [Fact]
    public void Fitting_weight_steps_down_between_the_knee_and_the_screen()
    {
        var options = new PriceModelOptions { DownweightMultiple = 2, ScreenMultiple = 4 };

        PriceModelBuilder.FitWeight(0.15, 0.1, options).ShouldBe(1f);
        PriceModelBuilder.FitWeight(0.3, 0.1, options).ShouldBe((float)(4.0 / 9), 1e-6f);
        PriceModelBuilder.FitWeight(0.39, 0.1, options).ShouldBeGreaterThan(0.25f);
        PriceModelBuilder.FitWeight(0.41, 0.1, options).ShouldBe(0f);
        PriceModelBuilder.FitWeight(0.3, 0.1, options with { DownweightMultiple = 0 }).ShouldBe(1f);
    }

    [Fact]
    public void Valuation_comes_with_intervals_reasons_and_comparables_and_survives_a_round_trip()
    {
        var (sales, model) = Trained.Value;
        var subject = sales[42];

        var valuation = HomeValuator.Value(model, subject.Home, subject.ParcelId);
        var reloaded = PriceModel.FromBytes(model.ToBytes());
        var again = reloaded.Estimate(subject.Home, valuation.AsOf, subject.ParcelId);

        valuation.Estimate.Low95.ShouldBeLessThan(valuation.Estimate.Low80);
        valuation.Estimate.Low80.ShouldBeLessThan(valuation.Estimate.Value);
        valuation.Estimate.High80.ShouldBeLessThan(valuation.Estimate.High95);
        valuation.Reasons.Count.ShouldBeGreaterThan(0);
        valuation.Comparables.Count.ShouldBeInRange(5, 10);
        again.Value.ShouldBe(valuation.Estimate.Value, valuation.Estimate.Value * 1e-5);
        reloaded.HasOutOfFoldValues.ShouldBeTrue();
    }

    [Fact]
    public void Held_out_accuracy_on_learnable_data_beats_a_constant_and_intervals_cover()
    {
        var sales = SyntheticSales.Generate(900, seed: 9);
        var (train, test) = PricingHoldout.RandomSplit(sales);

        var result = PricingHoldout.Evaluate(train, test, SyntheticSales.QuickOptions());

        // The generator's noise is ±8% uniform; a constant guess is off by ~40% at the median.
        result.Metrics["mdape"].ShouldBeLessThan(0.10);
        result.Metrics["coverage_80"].ShouldBeInRange(0.70, 0.90);
        result.Metrics["coverage_95"].ShouldBeGreaterThan(0.88);
    }

    [Fact]
    public void TreeShap_contributions_sum_to_the_raw_log_price_score()
    {
        var (sales, model) = Trained.Value;
        foreach (var subject in sales.Take(25))
        {
            var features = model.Features(subject.Home, subject.SaleDate, subject.ParcelId);

            var attribution = model.Attribute(features);

            attribution.Total.ShouldBe(model.LogValue(features), 1e-9);
            attribution.Contributions.ShouldContain(c => Math.Abs(c) > 1e-4);
            var estimate = model.Estimate(subject.Home, subject.SaleDate, subject.ParcelId);
            Math.Log(estimate.Value).ShouldBe(model.LogValue(features), 1e-9);
        }
    }

    [Fact]
    public void Explanation_factors_are_the_shapley_values_of_the_valuation()
    {
        var (sales, model) = Trained.Value;
        var subject = sales[7];

        var (estimate, factors) = model.Explain(subject.Home, subject.SaleDate, subject.ParcelId);
        var attribution = model.Attribute(model.Features(subject.Home, subject.SaleDate, subject.ParcelId));

        (attribution.Bias + factors.Sum(f => f.LogContribution)).ShouldBe(Math.Log(estimate.Value), 1e-9);
        factors.Select(f => Math.Abs(f.LogContribution)).ShouldBeInOrder(SortDirection.Descending);
        // The home's size drives a synthetic price built from it.
        factors.Take(8).ShouldContain(f => f.Feature.Contains("sqft", StringComparison.Ordinal) || f.Feature.Contains("log_price", StringComparison.Ordinal));
    }

    [Fact]
    public void Recent_calibration_uses_only_the_latest_sales_and_an_averaged_model_still_explains_exactly()
    {
        var sales = SyntheticSales.Generate(700, seed: 5);
        var options = SyntheticSales.QuickOptions() with { Calibration = ConformalMode.Recent, RecentShare = 0.2, Members = 2 };

        var model = PriceModelBuilder.Train(sales, options);

        model.Conformal.CalibrationSales.ShouldBeInRange(120, 160);
        (model.Info.FittedSales + model.Info.ScreenedSales).ShouldBe(model.Info.Sales);
        var subject = sales[3];
        var features = model.Features(subject.Home, subject.SaleDate, subject.ParcelId);
        model.Attribute(features).Total.ShouldBe(model.LogValue(features), 1e-9);
    }

    [Fact]
    public void Non_market_sales_are_screened_out_of_fitting_but_still_calibrate_the_intervals()
    {
        // One sale in 25 changes hands at about a third of its value (a family transfer, say).
        var sales = SyntheticSales.Generate(1000, seed: 12);
        var transfers = new HashSet<string>();
        for (var i = 0; i < sales.Count; i += 25)
        {
            sales[i] = sales[i] with { Price = Math.Round(sales[i].Price * 0.35) };
            transfers.Add(sales[i].ParcelId);
        }

        var (train, test) = PricingHoldout.RandomSplit(sales);
        var ordinaryTest = test.Where(s => !transfers.Contains(s.ParcelId)).ToList();
        var options = SyntheticSales.QuickOptions() with { Calibration = ConformalMode.CrossFit };

        var screened = PriceModelBuilder.Train(train, options);
        var unscreened = PriceModelBuilder.Train(train, options with { ScreenMultiple = 0 });

        var pool = Enumerable.Range(0, screened.Index.Count).ToList();
        var (transferRows, ordinaryRows) = (pool.Where(IsTransfer).ToList(), pool.Where(i => !IsTransfer(i)).ToList());
        transferRows.ShouldAllBe(i => screened.IsScreened(i));
        ordinaryRows.Count(screened.IsScreened).ShouldBeLessThan(ordinaryRows.Count / 20);
        screened.Info.ScreenedSales.ShouldBe(pool.Count(screened.IsScreened));
        unscreened.Info.ScreenedSales.ShouldBe(0);
        // Every sale, screened or not, still calibrates the intervals, so they stay honest about such sales...
        screened.Conformal.CalibrationSales.ShouldBe(screened.Info.Sales);
        // ...but a transfer is never shown to Jorge as a comparable.
        foreach (var i in transferRows.Take(10))
        {
            var home = screened.Index.Sales[i].Home;
            ComparableFinder.Find(screened, home, new DateOnly(2015, 6, 1), "not-in-pool", 10).ShouldAllBe(c => !transfers.Contains(c.ParcelId));
        }

        MedianError(screened, ordinaryTest).ShouldBeLessThan(MedianError(unscreened, ordinaryTest));

        bool IsTransfer(int i) => transfers.Contains(screened.Index.Sales[i].ParcelId);
    }

    private static double MedianError(PriceModel model, List<HomeSale> test) =>
        PriceMetrics.Compute(
            test.Select(s => s.Price).ToArray(),
            test.Select(s => model.Estimate(s.Home, s.SaleDate, s.ParcelId).Value).ToArray(),
            "")["mdape"];
}
