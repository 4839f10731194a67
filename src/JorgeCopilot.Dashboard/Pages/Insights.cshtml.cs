using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.Behavior;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>Objections (for a lead and across conversations), contact timing and channel for a lead.</summary>
public sealed class InsightsModel(DataFreshness freshness) : PageModel
{
    [FromQuery(Name = "lead")] public long? LeadId { get; set; }

    public string Freshness { get; private set; } = "";

    public object? Objections { get; private set; }

    public object? Timing { get; private set; }

    public object? Channel { get; private set; }

    public object? Patterns { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.LeadsAsync(cancellationToken);
        if (HttpContext.RequestServices.GetService<BehaviorPlugin>() is not { } behavior)
        {
            return;
        }

        if (LeadId is > 0 and { } id)
        {
            Objections = await behavior.PredictObjectionsAsync(id, cancellationToken);
            Timing = await behavior.BestContactTimeAsync(id, cancellationToken);
            Channel = await behavior.ChannelPreferenceAsync(id, cancellationToken);
        }

        Patterns = await behavior.AnalyzeObjectionPatternsAsync(cancellationToken);
    }
}
