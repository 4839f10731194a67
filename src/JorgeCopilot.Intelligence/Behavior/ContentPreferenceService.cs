using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// <c>content_preferences</c>: what kind of message a lead answers, from the only engagement the store records — replies
/// to our messages. Each outbound message is typed by its text (<see cref="MessageContent"/>) and reply rates per type
/// are shrunk toward all leads' like contact times are. Engagement attributes an import brought (web activity, pages
/// viewed) are listed as recorded. Opens, clicks and listing views are not recorded; the answer says so.
/// </summary>
public sealed class ContentPreferenceService(IDbContextFactory<JorgeDbContext> contexts)
{
    private static readonly string[] EngagementWords = ["activity", "visit", "page", "view", "click", "open", "interest", "time spent"];

    public async Task<ContentPreferences?> ForLeadAsync(long leadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Id, l.DisplayName, l.Attributes }).FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return null;
        }

        var recorded = lead.Attributes.Where(a => EngagementWords.Any(w => a.Key.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(a => $"{a.Key}: {a.Value}").Order(StringComparer.Ordinal).ToList();
        var population = await db.Messages.AsNoTracking().OrderByDescending(m => m.SentAt).Take(ContactTimingService.PopulationMessages)
            .ToListAsync(cancellationToken);
        var all = population.GroupBy(m => m.LeadId).SelectMany(g => ReplyPatterns.Outcomes(g.ToList())).ToList();
        const string Needed = "Opens, clicks and listing views are not recorded: import them per lead (an activity log or CRM engagement columns) to learn which content a lead engages with beyond replies.";
        if (all.Count == 0)
        {
            return new ContentPreferences(lead.Id, lead.DisplayName, false, 0, "no messages with replies in the store, so no content preference can be measured",
                recorded, [], Needed);
        }

        var typed = all.SelectMany(o => MessageContent.Types(o.Sent.Text).Select(t => (Type: t, o.Answered))).ToList();
        var overall = all.Count(o => o.Answered) / (double)all.Count;
        var byType = typed.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Count(t => t.Answered) / (double)g.Count());
        var own = await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId).ToListAsync(cancellationToken);
        var ownOutcomes = ReplyPatterns.Outcomes(own);
        var rates = ReplyPatterns.Rates(ownOutcomes.SelectMany(o => MessageContent.Types(o.Sent.Text).Select(t => (t, o.Answered))), byType, overall);
        var basis = ownOutcomes.Count == 0
            ? $"no messages to this lead yet: all leads' reply rates by message type ({all.Count} messages)"
            : $"{ownOutcomes.Count} message(s) to this lead, shrunk toward all leads' reply rates by type ({all.Count} messages)";
        return new ContentPreferences(lead.Id, lead.DisplayName, true, ownOutcomes.Count, basis, recorded, rates, Needed);
    }
}

/// <param name="Supported">True when reply rates by message type could be measured.</param>
/// <param name="RecordedEngagement">Engagement attributes the lead's import carried, as recorded.</param>
/// <param name="ByType">Reply rate per message type, best first (types overlap: a message can be short and a question).</param>
public sealed record ContentPreferences(long LeadId, string Name, bool Supported, int MessagesToLead, string Basis, IReadOnlyList<string> RecordedEngagement,
    IReadOnlyList<ShrunkRate> ByType, string NotRecorded);
