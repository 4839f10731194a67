using System.Text.Json;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Monitoring;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>The scoring model: the champion's held-out metrics, every version from the registry (champion/challenger), drift, and the latest eval report when one exists.</summary>
public sealed class ScoringModelModel(DataFreshness freshness, IOptions<DashboardOptions> options) : PageModel
{
    public string Freshness { get; private set; } = "";

    public ModelReport? Report { get; private set; }

    public IReadOnlyDictionary<string, double>? Metrics { get; private set; }

    public AnswerChart? History { get; private set; }

    public JsonElement? EvalReport { get; private set; }

    public string EvalReportPath { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.ModelAsync(LeadScoringTrainer.TaskName, cancellationToken);
        if (HttpContext.RequestServices.GetService<ModelReportService>() is { } reports)
        {
            Report = await reports.ReportAsync(LeadScoringTrainer.TaskName, cancellationToken);
        }

        if (Report is { } report && report.MetricsOverTime.Count > 0)
        {
            var champion = report.MetricsOverTime.FirstOrDefault(m => m.Version == report.ChampionVersion) ?? report.MetricsOverTime[^1];
            Metrics = champion.Metrics;
            var keys = new[] { "auc", "brier", "ece" }.Where(k => report.MetricsOverTime.All(m => m.Metrics.ContainsKey(k))).ToList();
            if (keys.Count > 0 && report.MetricsOverTime.Count > 1)
            {
                History = new AnswerChart("Held-out metrics by model version", [.. report.MetricsOverTime.Select(m => "v" + m.Version)],
                    keys.ToDictionary(k => k, k => (IReadOnlyList<double>)[.. report.MetricsOverTime.Select(m => m.Metrics[k])]), "registry");
            }
        }

        EvalReportPath = Path.GetFullPath(options.Value.EvalReport);
        if (System.IO.File.Exists(EvalReportPath))
        {
            await using var file = System.IO.File.OpenRead(EvalReportPath);
            using var doc = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
            var runs = doc.RootElement.TryGetProperty("runs", out var r) ? r : doc.RootElement;
            EvalReport = JsonSerializer.SerializeToElement(runs.EnumerateArray()
                .Where(run => run.TryGetProperty("suite", out var s) && s.GetString() == LeadScoringTrainer.TaskName)
                .Select(run => new { Suite = run.GetProperty("suite").GetString(), Dataset = run.TryGetProperty("dataset", out var d) ? d.GetString() : null, Passed = run.TryGetProperty("passed", out var p) && p.GetBoolean(), Metrics = run.TryGetProperty("metrics", out var m) ? m : default })
                .ToList());
        }
    }
}
