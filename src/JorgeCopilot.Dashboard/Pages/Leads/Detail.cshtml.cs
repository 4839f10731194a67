using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.LeadScoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Dashboard.Pages.Leads;

/// <summary>One lead: closing probability with its interval, band and reasons, contact details and message history.</summary>
public sealed class LeadDetailModel(IDbContextFactory<JorgeDbContext> contexts, DataFreshness freshness) : PageModel
{
    public const int HistoryLength = 50;

    public Lead? Lead { get; private set; }

    public LeadScoreResult? Score { get; private set; }

    public IReadOnlyList<Message> Messages { get; private set; } = [];

    public string Freshness { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (Lead is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Messages = await db.Messages.AsNoTracking().Where(m => m.LeadId == id).OrderByDescending(m => m.SentAt).Take(HistoryLength).ToListAsync(cancellationToken);
        Freshness = await freshness.LeadsAsync(cancellationToken);
        if (HttpContext.RequestServices.GetService<LeadScoringService>() is { } scoring)
        {
            Score = await scoring.ScoreAsync(id, cancellationToken, topReasons: 5);
        }

        return Page();
    }
}
