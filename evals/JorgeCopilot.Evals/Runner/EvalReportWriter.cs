using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.Evals.Runner;

/// <summary>Writes <c>report.json</c> (the stable shape CI and dashboards read) and <c>report.md</c> (for people).</summary>
public static class EvalReportWriter
{
    public const string JsonFileName = "report.json";
    public const string MarkdownFileName = "report.md";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        // A suite may legitimately produce NaN (e.g. AUC on a one-class slice); the run then fails, the file still writes.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<(string JsonPath, string MarkdownPath)> WriteAsync(
        EvalReport report, string outputDirectory, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var jsonPath = Path.Combine(outputDirectory, JsonFileName);
        var markdownPath = Path.Combine(outputDirectory, MarkdownFileName);
        await File.WriteAllTextAsync(jsonPath, ToJson(report), cancellationToken);
        await File.WriteAllTextAsync(markdownPath, ToMarkdown(report, generatedAt), cancellationToken);
        return (jsonPath, markdownPath);
    }

    public static string ToJson(EvalReport report) => JsonSerializer.Serialize(report, JsonOptions) + "\n";

    public static string ToMarkdown(EvalReport report, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var passedRuns = report.Runs.Count(r => r.Passed);
        md.AppendLine("# JorgeCopilot eval report").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"**Result: {(report.Passed ? "PASSED" : "FAILED")}** — {passedRuns} of {report.Runs.Count} runs met their thresholds. " +
            $"Generated {generatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.").AppendLine();

        md.AppendLine("| Suite | Data set | Result | Failures |").AppendLine("|---|---|---|---|");
        foreach (var run in report.Runs)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Cell(run.Suite)} | {Cell(run.Dataset)} | {(run.Passed ? "pass" : "**FAIL**")} | {Cell(string.Join("; ", run.Failures ?? []))} |");
        }

        foreach (var suite in report.Runs.GroupBy(r => r.Suite, StringComparer.Ordinal))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {suite.Key}");
            foreach (var run in suite)
            {
                AppendRun(md, run);
            }
        }

        return md.ToString();
    }

    private static void AppendRun(StringBuilder md, EvalRunReport run)
    {
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {run.Dataset} — {(run.Passed ? "passed" : "FAILED")}").AppendLine();
        var metricNames = run.Metrics.Keys.Concat(run.Thresholds.Keys.Where(k => !run.Metrics.ContainsKey(k))).ToList();
        if (metricNames.Count > 0)
        {
            md.AppendLine("| Metric | Value | Threshold | Met |").AppendLine("|---|---:|---|---|");
            foreach (var name in metricNames)
            {
                var hasValue = run.Metrics.TryGetValue(name, out var value);
                var bound = run.Thresholds.GetValueOrDefault(name);
                var met = bound is null ? "" : hasValue && bound.IsMet(value) ? "yes" : "**no**";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(name)} | {(hasValue ? ThresholdEvaluator.Format(value) : "—")} | {Describe(bound)} | {met} |");
            }
        }

        foreach (var failure in run.Failures ?? [])
        {
            md.AppendLine().Append("- Failure: ").AppendLine(failure);
        }

        if (run.Notes is { Count: > 0 } notes)
        {
            md.AppendLine();
            foreach (var note in notes)
            {
                md.Append("- ").AppendLine(note);
            }
        }

        foreach (var chart in run.Charts ?? [])
        {
            var title = Path.GetFileNameWithoutExtension(chart).Replace('-', ' ').Replace('_', ' ');
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"![{run.Suite} {run.Dataset}: {title}]({chart.Replace(" ", "%20", StringComparison.Ordinal)})");
        }
    }

    private static string Describe(MetricThreshold? bound) => bound switch
    {
        null => "",
        { Min: { } min, Max: { } max } => $"{ThresholdEvaluator.Format(min)} – {ThresholdEvaluator.Format(max)}",
        { Min: { } min } => $"≥ {ThresholdEvaluator.Format(min)}",
        { Max: { } max } => $"≤ {ThresholdEvaluator.Format(max)}",
        _ => "",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
