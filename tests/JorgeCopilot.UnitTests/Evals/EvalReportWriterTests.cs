using System.Text.Json;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Evals.Runner;

namespace JorgeCopilot.UnitTests.Evals;

public sealed class EvalReportWriterTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);

    private static EvalReport SampleReport()
    {
        var passing = ThresholdEvaluator.Evaluate(
            "lead-scoring",
            FixedEvalSuite.Measure("bank-marketing", ("auc", 0.8012), ("brier", 0.0812)) with { Charts = ["charts/lead-scoring/calibration.png"], Notes = ["time-ordered split"] },
            new Dictionary<string, MetricThreshold> { ["auc"] = new(Min: 0.79) });
        var failing = ThresholdEvaluator.Evaluate(
            "pricing",
            FixedEvalSuite.Measure("kc-house", ("mdape", 0.2)),
            new Dictionary<string, MetricThreshold> { ["mdape"] = new(Max: 0.1) });
        return new EvalReport([passing, failing], Passed: false);
    }

    [Fact]
    public void Report_json_has_the_architecture_shape()
    {
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(SampleReport()));
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).ShouldBe(["runs", "passed"]);
        root.GetProperty("passed").GetBoolean().ShouldBeFalse();
        var first = root.GetProperty("runs")[0];
        first.GetProperty("suite").GetString().ShouldBe("lead-scoring");
        first.GetProperty("dataset").GetString().ShouldBe("bank-marketing");
        first.GetProperty("metrics").GetProperty("auc").GetDouble().ShouldBe(0.8012);
        first.GetProperty("thresholds").GetProperty("auc").GetProperty("min").GetDouble().ShouldBe(0.79);
        first.GetProperty("thresholds").GetProperty("auc").TryGetProperty("max", out _).ShouldBeFalse();
        first.GetProperty("passed").GetBoolean().ShouldBeTrue();
        first.GetProperty("charts")[0].GetString().ShouldBe("charts/lead-scoring/calibration.png");
        root.GetProperty("runs")[1].GetProperty("failures")[0].GetString().ShouldBe("mdape: 0.2 > max 0.1");
    }

    [Fact]
    public void A_NaN_metric_still_writes_a_readable_report()
    {
        var run = ThresholdEvaluator.Evaluate("s", FixedEvalSuite.Measure("d", ("auc", double.NaN)), new Dictionary<string, MetricThreshold>());

        var json = EvalReportWriter.ToJson(new EvalReport([run], true));

        json.ShouldContain("\"NaN\"");
    }

    [Fact]
    public void Report_md_has_a_summary_a_table_per_run_and_the_charts_as_images()
    {
        var md = EvalReportWriter.ToMarkdown(SampleReport(), GeneratedAt);

        md.ShouldContain("**Result: FAILED** — 1 of 2 runs met their thresholds. Generated 2026-11-24 05:00 UTC.");
        md.ShouldContain("| lead-scoring | bank-marketing | pass |");
        md.ShouldContain("| pricing | kc-house | **FAIL** | mdape: 0.2 > max 0.1 |");
        md.ShouldContain("## lead-scoring");
        md.ShouldContain("### kc-house — FAILED");
        md.ShouldContain("| auc | 0.8012 | ≥ 0.79 | yes |");
        md.ShouldContain("| brier | 0.0812 |  |  |");
        md.ShouldContain("| mdape | 0.2 | ≤ 0.1 | **no** |");
        md.ShouldContain("- time-ordered split");
        md.ShouldContain("![lead-scoring bank-marketing: calibration](charts/lead-scoring/calibration.png)");
    }

    [Fact]
    public async Task Writes_both_files_into_the_output_folder()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("jorge-report-").FullName, "nested", "eval");

        var (jsonPath, markdownPath) = await EvalReportWriter.WriteAsync(SampleReport(), dir, GeneratedAt, TestContext.Current.CancellationToken);

        jsonPath.ShouldBe(Path.Combine(dir, "report.json"));
        markdownPath.ShouldBe(Path.Combine(dir, "report.md"));
        JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath, TestContext.Current.CancellationToken)).RootElement.GetProperty("runs").GetArrayLength().ShouldBe(2);
        (await File.ReadAllTextAsync(markdownPath, TestContext.Current.CancellationToken)).ShouldStartWith("# JorgeCopilot eval report");
    }
}
