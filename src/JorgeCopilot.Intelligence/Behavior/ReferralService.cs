using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// <c>referral_potential</c>: referrals are measured only where imported leads name who referred them (an attribute in
/// <see cref="ReferrerAttributes"/> holding the referring client's external id or name). Without that no rate can be
/// learned or checked, so the answer says which column would be needed and gives the relationship signals the store does
/// hold (client or not, messages exchanged, reply rate, days since the last contact).
/// </summary>
public sealed class ReferralService(IDbContextFactory<JorgeDbContext> contexts, TimeProvider time)
{
    public static readonly IReadOnlyList<string> ReferrerAttributes = ["referred_by", "referredBy", "referrer", "referral"];

    public const int StaleDays = 90;

    public async Task<ReferralPotential?> ForClientAsync(long leadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var client = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Id, l.ExternalId, l.DisplayName, l.Stage })
            .FirstOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return null;
        }

        var converted = await db.LeadOutcomes.AsNoTracking().Where(o => o.Converted).Select(o => o.LeadId).Distinct().ToListAsync(cancellationToken);
        var clients = converted.ToHashSet();
        clients.UnionWith(await db.Leads.AsNoTracking().Where(l => l.Stage == LeadStages.Converted).Select(l => l.Id).ToListAsync(cancellationToken));
        var isClient = clients.Contains(leadId);
        var messages = await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId).ToListAsync(cancellationToken);
        var replies = ReplyPatterns.Outcomes(messages);
        double? replyRate = replies.Count == 0 ? null : Math.Round(100.0 * replies.Count(r => r.Answered) / replies.Count, 1);
        int? idle = messages.Count == 0 ? null : (int)(time.GetUtcNow().UtcDateTime - messages.Max(m => m.SentAt)).TotalDays;

        var referred = (await db.Leads.AsNoTracking().Select(l => new { l.Id, l.Attributes }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, Referrer: ReferrerAttributes.Select(a => l.Attributes.GetValueOrDefault(a)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))))
            .Where(l => l.Referrer is not null).ToList();
        var signals = new RelationshipSignals(isClient, messages.Count, replyRate, idle);
        if (referred.Count == 0)
        {
            return new ReferralPotential(client.Id, client.DisplayName, false, isClient, null, null, null, null, signals,
                "No lead in the store records who referred it, so referral behaviour cannot be learned or checked here.",
                $"Import leads with a referrer column (mapped to the attribute '{ReferrerAttributes[0]}', holding the referring client's id or name) "
                + "and mark past clients (converted outcomes); then the share of clients who refer, repeat referrers and how referred leads convert are measured.",
                NextStep(isClient, idle));
        }

        // Referrers are matched by external id or display name, whichever the source wrote.
        var byKey = await db.Leads.AsNoTracking().Where(l => clients.Contains(l.Id)).Select(l => new { l.Id, l.ExternalId, l.DisplayName })
            .ToListAsync(cancellationToken);
        var lookup = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in byKey)
        {
            lookup.TryAdd(c.ExternalId, c.Id);
            lookup.TryAdd(c.DisplayName, c.Id);
        }

        var referrals = referred.Where(r => lookup.ContainsKey(r.Referrer!.Trim())).GroupBy(r => lookup[r.Referrer!.Trim()])
            .ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        var own = referred.Where(r => string.Equals(r.Referrer!.Trim(), client.ExternalId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Referrer!.Trim(), client.DisplayName, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList();
        var ownConverted = own.Count(clients.Contains);
        double? clientRate = clients.Count == 0 ? null : Math.Round(100.0 * referrals.Count / clients.Count, 1);
        var repeat = referrals.Count == 0 ? (double?)null : Math.Round(100.0 * referrals.Count(r => r.Value.Count >= 2) / referrals.Count, 1);
        return new ReferralPotential(client.Id, client.DisplayName, true, isClient, own.Count, ownConverted, clientRate, repeat, signals,
            $"{referred.Count} lead(s) name a referrer; {referrals.Count} of {clients.Count} client(s) referred at least once",
            null, NextStep(isClient, idle, own.Count));
    }

    private static string NextStep(bool isClient, int? idle, int referrals = 0) => (isClient, idle, referrals) switch
    {
        (true, _, > 0) => $"thank them: {referrals} referral(s) so far",
        (true, > StaleDays, _) => $"check in: no contact for {idle} days",
        (true, null, _) => "no messages recorded with this client: a first check-in",
        (true, _, _) => "keep in touch; ask for a referral after a good moment (closing, anniversary)",
        _ => "not a client yet: referrals usually come after a closed deal",
    };
}

/// <param name="Supported">True when the store records referrers, so the rates below are measured.</param>
/// <param name="ClientReferralRatePercent">Share of clients who referred at least one lead.</param>
/// <param name="RepeatReferralRatePercent">Among clients who referred, the share who referred two or more.</param>
/// <param name="NeededData">What to import so this can be measured; null when supported.</param>
public sealed record ReferralPotential(long LeadId, string Name, bool Supported, bool IsClient, int? ReferralsMade, int? ReferralsConverted,
    double? ClientReferralRatePercent, double? RepeatReferralRatePercent, RelationshipSignals Signals, string Basis, string? NeededData, string NextStep);

/// <param name="ReplyRatePercent">Share of our messages answered within 48 h.</param>
public sealed record RelationshipSignals(bool IsClient, int MessagesExchanged, double? ReplyRatePercent, int? DaysSinceLastContact);
