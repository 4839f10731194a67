using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.LeadScoring;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Dashboard.Pages;

public sealed class IndexModel(DataFreshness freshness, IEnumerable<ICapability> capabilities) : PageModel
{
    public string Freshness { get; private set; } = "";

    public (IReadOnlyList<RankedLead> Leads, int Version)? Top { get; private set; }

    public IEnumerable<NavEntry> Pages => DashboardNav.Visible(capabilities);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.LeadsAsync(cancellationToken);
        if (HttpContext.RequestServices.GetService<LeadScoringService>() is { } scoring)
        {
            Top = await scoring.TopAsync(5, cancellationToken);
        }
    }
}
