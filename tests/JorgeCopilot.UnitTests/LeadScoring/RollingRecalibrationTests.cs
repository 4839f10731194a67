using JorgeCopilot.Intelligence.LeadScoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

public sealed class RollingRecalibrationTests
{
    private const int Months = 12;
    private const int PerMonth = 600;
    private const int JumpMonth = 3;

    [Fact]
    public void Recalibrated_month_by_month_the_interval_covers_later_months_whose_base_rate_jumped()
    {
        var (predictions, labels, periods, interval) = Book(seed: 1);

        var rolled = new RollingRecalibration().Walk(predictions, labels, periods, interval);

        var later = Enumerable.Range(0, predictions.Count).Where(i => periods[i] > JumpMonth).ToList();
        IntervalCoverage.BinCoverage(later.Select(i => predictions[i]).ToList(), later.Select(i => labels[i]).ToList()).ShouldBeLessThan(0.2);
        IntervalCoverage.BinCoverage(later.Select(i => rolled[i]).ToList(), later.Select(i => labels[i]).ToList()).ShouldBeGreaterThan(0.7);
        IntervalCoverage.BinCoverage(rolled, labels).ShouldBeGreaterThan(0.65);
    }

    [Fact]
    public void A_month_is_scored_only_from_the_outcomes_of_earlier_months()
    {
        var (predictions, labels, periods, interval) = Book(seed: 2);
        var walk = new RollingRecalibration();
        var before = walk.Walk(predictions, labels, periods, interval);

        // Flip every outcome of month 6: months up to 6 must not change, month 7 must (it learns from month 6).
        var flipped = labels.Select((y, i) => periods[i] == 6 ? !y : y).ToList();
        var after = walk.Walk(predictions, flipped, periods, interval);

        for (var i = 0; i < predictions.Count; i++)
        {
            if (periods[i] <= 6)
            {
                after[i].ShouldBe(before[i]);
            }
        }

        Enumerable.Range(0, predictions.Count).Where(i => periods[i] == 7).Any(i => after[i].Probability != before[i].Probability).ShouldBeTrue();
    }

    [Fact]
    public void The_first_month_is_served_as_trained_and_the_month_after_a_miss_gets_a_wider_interval_that_narrows_again()
    {
        var (predictions, labels, periods, interval) = Book(seed: 3);

        var rolled = new RollingRecalibration().Walk(predictions, labels, periods, interval);

        Enumerable.Range(0, predictions.Count).Where(i => periods[i] == 0).All(i => rolled[i] == predictions[i]).ShouldBeTrue();
        var afterMiss = RelativeWidth(rolled, periods, JumpMonth + 1);
        afterMiss.ShouldBeGreaterThan(2 * RelativeWidth(rolled, periods, JumpMonth));
        RelativeWidth(rolled, periods, Months - 1).ShouldBeLessThan(afterMiss / 2);
    }

    [Fact]
    public void Too_few_earlier_outcomes_leave_the_probability_as_the_model_gave_it()
    {
        var walk = new RollingRecalibration(MinimumRows: 300);
        var predictions = Enumerable.Range(0, 100).Select(i => new LeadPrediction(0.2, 0.1, 0.3, "warm", 0)).ToList();
        walk.Fit(Enumerable.Range(0, 100).ToList(), predictions, predictions.Select((_, i) => i % 3 == 0).ToList()).ShouldBeNull();
        Should.Throw<ArgumentException>(() => walk.Walk(predictions, [true], [.. predictions.Select(_ => 0)], Interval()));
    }

    /// <summary>Mean interval width of a month in units of √(p(1−p)): the interval's quantile, whatever the probabilities.</summary>
    private static double RelativeWidth(IReadOnlyList<LeadPrediction> rolled, IReadOnlyList<int> periods, int month) =>
        Enumerable.Range(0, rolled.Count).Where(i => periods[i] == month)
            .Average(i => (rolled[i].High - rolled[i].Low) / Math.Sqrt(rolled[i].Probability * (1 - rolled[i].Probability)));

    /// <summary>
    /// A model calibrated on months like the first three; from <see cref="JumpMonth"/> on every lead converts as if its
    /// log-odds were 1.5 higher (the base rate roughly triples), as bank-marketing's later months do.
    /// </summary>
    private static (List<LeadPrediction> Predictions, List<bool> Labels, List<int> Periods, ConformalProbabilityInterval Interval) Book(int seed)
    {
        var random = new Random(seed);
        var interval = Interval();
        var predictions = new List<LeadPrediction>();
        var labels = new List<bool>();
        var periods = new List<int>();
        for (var month = 0; month < Months; month++)
        {
            for (var k = 0; k < PerMonth; k++)
            {
                var p = 0.02 + Math.Pow(random.NextDouble(), 2) * 0.5;
                var truth = month >= JumpMonth ? 1 / (1 + Math.Exp(-(RollingRecalibration.Logit(p) + 1.5))) : p;
                var (low, high) = interval.For(p);
                predictions.Add(new LeadPrediction(p, low, high, "warm", 0));
                labels.Add(random.NextDouble() < truth);
                periods.Add(month);
            }
        }

        return (predictions, labels, periods, interval);
    }

    /// <summary>An 80% interval sized for the sampling noise of 200-lead bins alone (≈1.28 standard errors).</summary>
    private static ConformalProbabilityInterval Interval() => new(0.8, Quantile: 1.28 / Math.Sqrt(200), BinSize: 200, Bins: 100);
}
