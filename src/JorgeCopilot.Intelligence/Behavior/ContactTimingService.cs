using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// <c>best_contact_time</c> and <c>channel_preference</c>: reply rates from the store's message history (the lead's own,
/// shrunk toward every lead's), and the bundled campaign's success rates by weekday, month and channel when there is no
/// history to learn from. Says which of the two an answer rests on.
/// </summary>
public sealed class ContactTimingService(IDbContextFactory<JorgeDbContext> contexts, DataLocator data)
{
    public const int PopulationMessages = 20_000;

    private readonly Lazy<CampaignContactRates> campaign = new(() => CampaignContactRates.Read(data));

    public async Task<ContactAdvice?> ForLeadAsync(long leadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Id, l.DisplayName, l.Channel }).FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return null;
        }

        var population = await db.Messages.AsNoTracking().OrderByDescending(m => m.SentAt).Take(PopulationMessages).ToListAsync(cancellationToken);
        if (population.Count(m => m.Direction == MessageDirection.Inbound) == 0)
        {
            var rates = campaign.Value;
            return new ContactAdvice(lead.Id, lead.DisplayName, "campaign",
                $"no replies in the message history yet: the bundled phone campaign's success rates ({rates.Overall:P1} overall)",
                rates.Weekdays.Select(r => new ShrunkRate(r.Key, r.Contacts, (int)Math.Round(r.Rate * r.Contacts), r.Rate)).ToList(),
                rates.Channels.Select(r => new ShrunkRate(r.Key, r.Contacts, (int)Math.Round(r.Rate * r.Contacts), r.Rate)).ToList(),
                null, lead.Channel);
        }

        var all = population.GroupBy(m => m.LeadId).SelectMany(g => ReplyPatterns.Outcomes(g.ToList())).ToList();
        var overall = all.Count == 0 ? 0 : all.Count(o => o.Answered) / (double)all.Count;
        var bySlot = all.GroupBy(o => ReplyPatterns.Slot(o.Sent.SentAt)).ToDictionary(g => g.Key, g => g.Count(o => o.Answered) / (double)g.Count());
        var byChannel = all.GroupBy(o => o.Sent.Channel).ToDictionary(g => g.Key, g => g.Count(o => o.Answered) / (double)g.Count());
        var own = ReplyPatterns.Outcomes(population.Where(m => m.LeadId == leadId).ToList());
        var latencies = own.Where(o => o.Answered).Select(o => o.Hours!.Value).Order().ToList();
        return new ContactAdvice(lead.Id, lead.DisplayName, "messages",
            $"{own.Count} message(s) to this lead and {all.Count} to all leads; a reply within {ReplyPatterns.ReplyWindow.TotalHours:0} h counts, rates shrunk toward all leads' ({overall:P1})",
            ReplyPatterns.Rates(own.Select(o => (ReplyPatterns.Slot(o.Sent.SentAt), o.Answered)), bySlot, overall).Take(5).ToList(),
            ReplyPatterns.Rates(own.Select(o => (o.Sent.Channel, o.Answered)), byChannel, overall).ToList(),
            latencies.Count == 0 ? null : Math.Round(latencies[latencies.Count / 2], 1), lead.Channel);
    }
}

/// <param name="Source">"messages" (reply rates from history) or "campaign" (bank-marketing success rates).</param>
/// <param name="BestTimes">Best slots first ("Tue morning" from messages; weekdays from the campaign).</param>
/// <param name="MedianReplyHours">How fast this lead usually answers; null without replies.</param>
public sealed record ContactAdvice(long LeadId, string Name, string Source, string Basis, IReadOnlyList<ShrunkRate> BestTimes,
    IReadOnlyList<ShrunkRate> Channels, double? MedianReplyHours, string? RecordedChannel);
