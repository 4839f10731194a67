using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>The bots' experiments (Thompson-sampling arms with their Beta posteriors) and each strategy's lift with its interval.</summary>
public sealed class BotsModel(DataFreshness freshness) : PageModel
{
    public string Freshness { get; private set; } = "";

    public object? Experiments { get; private set; }

    public object? Lift { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.ExperimentsAsync(cancellationToken);
        if (HttpContext.RequestServices.GetService<VariantsPlugin>() is { } variants)
        {
            Experiments = await variants.ExperimentStatusAsync(cancellationToken: cancellationToken);
            Lift = await variants.WinningPatternsAsync(cancellationToken);
        }
    }
}
