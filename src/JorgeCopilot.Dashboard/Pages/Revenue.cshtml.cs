using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.Forecasting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>Commission forecast (fan chart), odds of reaching a goal, pipeline velocity, leakage, and return by lead source and time, from the deals in the store.</summary>
public sealed class RevenueModel(DataFreshness freshness) : PageModel
{
    [FromQuery(Name = "goal")] public double? Goal { get; set; }

    [FromQuery(Name = "by")] public string? By { get; set; }

    public string Freshness { get; private set; } = "";

    public object? Forecast { get; private set; }

    public object? GoalOdds { get; private set; }

    public object? Velocity { get; private set; }

    public object? Leakage { get; private set; }

    public object? RoiBySource { get; private set; }

    public object? TimeAllocation { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.DealsAsync(cancellationToken);
        if (HttpContext.RequestServices.GetService<ForecastingPlugin>() is not { } forecasting)
        {
            return;
        }

        Forecast = await forecasting.ForecastRevenueAsync(6, cancellationToken);
        if (Goal is > 0 and < 1e9)
        {
            GoalOdds = await forecasting.GoalProbabilityAsync(Goal.Value, string.IsNullOrWhiteSpace(By) ? null : By.Trim(), cancellationToken);
        }

        Velocity = await forecasting.PipelineVelocityAsync(cancellationToken);
        Leakage = await forecasting.RevenueLeakageAsync(cancellationToken);
        RoiBySource = await forecasting.RoiBySourceAsync(cancellationToken);
        TimeAllocation = await forecasting.TimeAllocationAsync(cancellationToken);
    }
}
