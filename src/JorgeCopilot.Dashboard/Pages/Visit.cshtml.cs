using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.LeadScoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>The phone view before meeting a lead: closing probability, objections to prepare for, the best time and channel, recent history.</summary>
public sealed class VisitModel(IDbContextFactory<JorgeDbContext> contexts, DataFreshness freshness) : PageModel
{
    [FromQuery(Name = "lead")]
    public string? LeadQuery { get; set; }

    public Lead? Lead { get; private set; }

    public string? Problem { get; private set; }

    public LeadScoreResult? Score { get; private set; }

    public object? Objections { get; private set; }

    public object? Timing { get; private set; }

    public object? Channel { get; private set; }

    public IReadOnlyList<Message> Messages { get; private set; } = [];

    public string Freshness { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Freshness = await freshness.LeadsAsync(cancellationToken);
        var q = LeadQuery?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > 100)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matches = long.TryParse(q, out var id)
            ? await db.Leads.AsNoTracking().Where(l => l.Id == id).Take(2).ToListAsync(cancellationToken)
            : await db.Leads.AsNoTracking().Where(l => l.DisplayName.ToLower().Contains(q.ToLower())).OrderBy(l => l.Id).Take(2).ToListAsync(cancellationToken);
        if (matches.Count != 1)
        {
            Problem = matches.Count == 0 ? "No lead matches that." : "Several leads match: type more of the name, or the id.";
            return;
        }

        Lead = matches[0];
        Messages = await db.Messages.AsNoTracking().Where(m => m.LeadId == Lead.Id).OrderByDescending(m => m.SentAt).Take(10).ToListAsync(cancellationToken);
        var services = HttpContext.RequestServices;
        if (services.GetService<LeadScoringService>() is { } scoring)
        {
            Score = await scoring.ScoreAsync(Lead.Id, cancellationToken, topReasons: 3);
        }

        if (services.GetService<BehaviorPlugin>() is { } behavior)
        {
            Objections = await behavior.PredictObjectionsAsync(Lead.Id, cancellationToken);
            Timing = await behavior.BestContactTimeAsync(Lead.Id, cancellationToken);
            Channel = await behavior.ChannelPreferenceAsync(Lead.Id, cancellationToken);
        }
    }
}
