using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Dashboard.Presentation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Dashboard.Pages.Leads;

/// <summary>Searchable, paged list of the stored leads (25 a page, newest id first).</summary>
public sealed class LeadsModel(IDbContextFactory<JorgeDbContext> contexts, DataFreshness freshness) : PageModel
{
    public const int PageSize = 25;
    public static readonly string[] Stages = [LeadStages.New, LeadStages.Contacted, LeadStages.Qualified, LeadStages.Converted, LeadStages.Lost];

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "stage")]
    public string? Stage { get; set; }

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<LeadRow> Rows { get; private set; } = [];

    public string Freshness { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.LeadsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leads = db.Leads.AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q) && q.Length <= 100)
        {
            leads = long.TryParse(q, out var id)
                ? leads.Where(l => l.Id == id || l.ExternalId == q || (l.Phone != null && l.Phone.Contains(q)))
                : leads.Where(l => l.DisplayName.ToLower().Contains(q.ToLower()) || l.ExternalId == q || (l.Email != null && l.Email.ToLower().Contains(q.ToLower())));
        }

        if (!string.IsNullOrEmpty(Stage) && Stages.Contains(Stage))
        {
            leads = leads.Where(l => l.Stage == Stage);
        }

        Total = await leads.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await leads.OrderByDescending(l => l.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(l => new LeadRow(l.Id, l.DisplayName, l.Stage, l.Channel, l.CreatedAt, l.Messages.Count))
            .ToListAsync(cancellationToken);
    }
}

public sealed record LeadRow(long Id, string Name, string Stage, string? Channel, DateTime? CreatedAt, int Messages);
