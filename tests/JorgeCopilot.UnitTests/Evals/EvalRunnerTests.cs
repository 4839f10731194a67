using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Evals.Runner;
using Microsoft.Extensions.Logging.Abstractions;

namespace JorgeCopilot.UnitTests.Evals;

public sealed class EvalRunnerTests
{
    private static readonly ThresholdCatalog Thresholds = ThresholdCatalog.Parse("""
        { "lead-scoring": { "bank-marketing": { "auc": { "min": 0.79 } } },
          "pricing": { "kc-house": { "mdape": { "max": 0.1 } } } }
        """);

    private static EvalRunner Runner(params IEvalSuite[] suites) => new(suites, NullLogger<EvalRunner>.Instance);

    private static string OutDir() => Directory.CreateTempSubdirectory("jorge-eval-").FullName;

    [Fact]
    public async Task Runs_every_suite_and_passes_when_all_runs_meet_their_thresholds()
    {
        var leads = new FixedEvalSuite("lead-scoring", FixedEvalSuite.Measure("bank-marketing", ("auc", 0.8)));
        var pricing = new FixedEvalSuite("pricing", FixedEvalSuite.Measure("kc-house", ("mdape", 0.07)));
        var runner = Runner(leads, pricing);
        var steps = new List<EvalProgress>();

        var report = await runner.RunAsync(runner.Select([]), Thresholds, OutDir(), new SyncProgress(steps), TestContext.Current.CancellationToken);

        report.Passed.ShouldBeTrue();
        report.Runs.Select(r => (r.Suite, r.Dataset)).ShouldBe([("lead-scoring", "bank-marketing"), ("pricing", "kc-house")]);
        steps.Where(s => s.Kind == EvalProgressKind.Finished).Select(s => s.Suite).ShouldBe(["lead-scoring", "pricing"]);
        steps.ShouldContain(s => s.Kind == EvalProgressKind.Step && s.Message == "measuring");
    }

    [Fact]
    public async Task One_failing_run_fails_the_report()
    {
        var runner = Runner(
            new FixedEvalSuite("lead-scoring", FixedEvalSuite.Measure("bank-marketing", ("auc", 0.8))),
            new FixedEvalSuite("pricing", FixedEvalSuite.Measure("kc-house", ("mdape", 0.25))));

        var report = await runner.RunAsync(runner.Select([]), Thresholds, OutDir(), null, TestContext.Current.CancellationToken);

        report.Passed.ShouldBeFalse();
        report.Runs.Single(r => r.Suite == "pricing").Passed.ShouldBeFalse();
        report.Runs.Single(r => r.Suite == "lead-scoring").Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task Named_suites_run_alone()
    {
        var leads = new FixedEvalSuite("lead-scoring", FixedEvalSuite.Measure("bank-marketing", ("auc", 0.8)));
        var pricing = new FixedEvalSuite("pricing", FixedEvalSuite.Measure("kc-house", ("mdape", 0.07)));
        var runner = Runner(leads, pricing);

        var report = await runner.RunAsync(runner.Select(["pricing"]), Thresholds, OutDir(), null, TestContext.Current.CancellationToken);

        report.Runs.Single().Suite.ShouldBe("pricing");
        leads.Runs.ShouldBe(0);
        pricing.Runs.ShouldBe(1);
    }

    [Fact]
    public void An_unknown_suite_name_is_an_error_listing_the_known_ones()
    {
        var runner = Runner(new FixedEvalSuite("pricing"), new FixedEvalSuite("lead-scoring"));

        var ex = Should.Throw<ArgumentException>(() => runner.Select(["forecast"]));
        ex.Message.ShouldContain("'forecast'");
        ex.Message.ShouldContain("known suites: lead-scoring, pricing");
    }

    [Fact]
    public void No_registered_suite_is_an_error()
    {
        Should.Throw<InvalidOperationException>(() => Runner().Select([])).Message.ShouldContain("No eval suite is registered");
    }

    [Fact]
    public async Task A_suite_that_throws_fails_the_report_but_the_others_still_run()
    {
        var broken = new FixedEvalSuite("pricing") { Throws = new InvalidOperationException("kc-house data missing") };
        var leads = new FixedEvalSuite("lead-scoring", FixedEvalSuite.Measure("bank-marketing", ("auc", 0.8)));
        var runner = Runner(broken, leads);

        var report = await runner.RunAsync(runner.Select([]), Thresholds, OutDir(), null, TestContext.Current.CancellationToken);

        report.Passed.ShouldBeFalse();
        report.Runs.Single(r => r.Suite == "pricing").Failures!.Single().ShouldContain("kc-house data missing");
        report.Runs.Single(r => r.Suite == "lead-scoring").Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_suite_that_measures_nothing_fails()
    {
        var runner = Runner(new FixedEvalSuite("pricing"));

        var report = await runner.RunAsync(runner.Select([]), Thresholds, OutDir(), null, TestContext.Current.CancellationToken);

        report.Passed.ShouldBeFalse();
    }

    private sealed class SyncProgress(List<EvalProgress> sink) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value) => sink.Add(value);
    }
}
