using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Forecasting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>
/// Applies one HighLevel event to the store, inside the caller's transaction, by the same natural keys the importers
/// use: a contact is the lead (source, contact id), a message is the message (message id), an opportunity is the deal
/// (opportunity id), and a won or lost opportunity is the lead's outcome (key <c>source:contactId</c>, the outcome
/// importer's default), so retraining and monitoring see it like an imported outcome.
/// </summary>
public sealed class GoHighLevelStoreWriter(IOptions<GoHighLevelOptions> options, IOptions<RevenueOptions> revenue)
{
    private GoHighLevelOptions Options => options.Value;

    /// <summary>What the event changed, in words without personal data; <c>LeadsChanged</c> when lead names may have changed.</summary>
    public async Task<(string Effect, bool LeadsChanged)> ApplyAsync(JorgeDbContext db, GoHighLevelEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Type)
        {
            case "ContactCreate" or "ContactUpdate":
                await UpsertContactAsync(db, e, ct);
                return ("lead upserted", true);
            case "ContactDelete":
                return (await DeleteContactAsync(db, e.Required("id"), ct) ? "lead deleted" : "no such lead", true);
            case "InboundMessage" or "OutboundMessage":
                var created = await UpsertMessageAsync(db, e, ct);
                return ("message stored", created);
            case "OpportunityCreate" or "OpportunityUpdate" or "OpportunityStageUpdate" or "OpportunityStatusUpdate" or "OpportunityMonetaryValueUpdate":
                return (await UpsertOpportunityAsync(db, e, ct), true);
            case "OpportunityDelete":
                var deleted = await db.Deals.Where(d => d.ExternalId == e.Required("id")).ExecuteDeleteAsync(ct);
                return (deleted > 0 ? "deal deleted" : "no such deal", false);
            default:
                return ("ignored: unsupported type", false);
        }
    }

    private async Task UpsertContactAsync(JorgeDbContext db, GoHighLevelEvent e, CancellationToken ct)
    {
        var id = e.Required("id");
        var (lead, _) = await LeadAsync(db, id, ct);
        var name = e.String("name") ?? string.Join(' ', new[] { e.String("firstName"), e.String("lastName") }.OfType<string>());
        if (!string.IsNullOrWhiteSpace(name))
        {
            lead.DisplayName = name.Length > 200 ? name[..200] : name;
            lead.NameIsGenerated = false;
        }

        lead.Email = e.String("email") ?? lead.Email;
        lead.Phone = e.String("phone") ?? lead.Phone;
        lead.CreatedAt = e.Date("dateAdded") ?? lead.CreatedAt;
        var attributes = new Dictionary<string, string>(lead.Attributes);
        foreach (var field in new[] { "source", "city", "state", "postalCode", "country", "companyName", "assignedTo" })
        {
            if (e.String(field) is { } value)
            {
                attributes[field] = value;
            }
        }

        if (e.Strings("tags") is { Count: > 0 } tags)
        {
            attributes["tags"] = string.Join(", ", tags);
        }

        lead.Attributes = attributes;
    }

    private async Task<bool> DeleteContactAsync(JorgeDbContext db, string id, CancellationToken ct)
    {
        var lead = db.Leads.Where(l => l.Source == Options.LeadSource && l.ExternalId == id).Select(l => l.Id);
        await db.Messages.Where(m => lead.Contains(m.LeadId)).ExecuteDeleteAsync(ct);
        await db.LeadOutcomes.Where(o => lead.Contains(o.LeadId)).ExecuteDeleteAsync(ct);
        await db.Deals.Where(d => lead.Contains(d.LeadId)).ExecuteDeleteAsync(ct);
        return await db.Leads.Where(l => l.Source == Options.LeadSource && l.ExternalId == id).ExecuteDeleteAsync(ct) > 0;
    }

    /// <returns>True when the message's contact was not known yet (a lead was added for it).</returns>
    private async Task<bool> UpsertMessageAsync(JorgeDbContext db, GoHighLevelEvent e, CancellationToken ct)
    {
        var (lead, created) = await LeadAsync(db, e.Required("contactId"), ct);
        var id = e.String("messageId") ?? e.String("id") ?? e.WebhookId;
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ExternalId == id, ct);
        if (message is null)
        {
            message = new Message { ExternalId = id, Channel = "sms", Text = "" };
            db.Messages.Add(message);
        }

        message.Lead = lead;
        message.Direction = (e.String("direction") ?? (e.Type == "InboundMessage" ? "inbound" : "outbound"))
            .Equals("inbound", StringComparison.OrdinalIgnoreCase) ? MessageDirection.Inbound : MessageDirection.Outbound;
        var channel = (e.String("messageType") ?? "sms").ToLowerInvariant();
        message.Channel = channel.Length > 40 ? channel[..40] : channel;
        message.SentAt = e.Date("dateAdded") ?? e.Timestamp.UtcDateTime;
        message.Text = e.String("body") ?? message.Text;
        return created;
    }

    private async Task<string> UpsertOpportunityAsync(JorgeDbContext db, GoHighLevelEvent e, CancellationToken ct)
    {
        var id = e.Required("id");
        var (lead, _) = await LeadAsync(db, e.Required("contactId"), ct);
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.ExternalId == id, ct);
        if (deal is null)
        {
            deal = new Deal { ExternalId = id, CreatedAt = e.Date("dateAdded") ?? e.Timestamp.UtcDateTime };
            db.Deals.Add(deal);
        }

        deal.Lead = lead;
        var day = DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
        var previous = deal.Stage;
        var status = e.String("status")?.ToLowerInvariant();
        switch (status)
        {
            case "won":
                deal.Stage = DealStages.Closed;
                deal.ClosedOn ??= day;
                deal.LostFromStage = null;
                break;
            case "lost" or "abandoned":
                deal.LostFromStage = previous is DealStages.Open or DealStages.UnderContract ? previous : deal.LostFromStage ?? DealStages.Open;
                deal.Stage = DealStages.Lost;
                deal.ClosedOn = previous == DealStages.Lost ? deal.ClosedOn ?? day : day;
                break;
            default:
                var underContract = e.String("pipelineStageId") is { } stage ? Options.UnderContractStageIds.Contains(stage)
                    : previous == DealStages.UnderContract;
                deal.Stage = underContract ? DealStages.UnderContract : DealStages.Open;
                deal.ContractedOn = underContract ? deal.ContractedOn ?? day : deal.ContractedOn;
                deal.ClosedOn = null;
                deal.LostFromStage = null;
                break;
        }

        deal.Value = e.Decimal("monetaryValue") ?? deal.Value;
        deal.CommissionRate = (decimal)revenue.Value.EffectiveRate;
        deal.Commission = Math.Round(deal.Value * deal.CommissionRate, 2);
        if (status is "won" or "lost" or "abandoned")
        {
            await RecordOutcomeAsync(db, lead, status == "won", deal.Value, e.Timestamp.UtcDateTime, ct);
            return $"deal {deal.Stage}, outcome recorded";
        }

        return $"deal {deal.Stage}";
    }

    /// <summary>The lead's outcome, keyed as the outcome importer keys it, and the lead's stage to match.</summary>
    private async Task RecordOutcomeAsync(JorgeDbContext db, Lead lead, bool converted, decimal value, DateTime at, CancellationToken ct)
    {
        var key = $"{Options.LeadSource}:{lead.ExternalId}";
        var outcome = await db.LeadOutcomes.FirstOrDefaultAsync(o => o.Key == key, ct);
        if (outcome is null)
        {
            outcome = new LeadOutcome { Key = key };
            db.LeadOutcomes.Add(outcome);
        }

        outcome.Lead = lead;
        outcome.Converted = converted;
        outcome.OccurredAt = at;
        outcome.Value = value;
        outcome.Source = Options.LeadSource;
        lead.Stage = converted ? LeadStages.Converted : LeadStages.Lost;
    }

    /// <summary>The contact's lead, or a new one named for the contact until a ContactCreate/Update names it.</summary>
    private async Task<(Lead Lead, bool Created)> LeadAsync(JorgeDbContext db, string contactId, CancellationToken ct)
    {
        if (db.Leads.Local.FirstOrDefault(l => l.Source == Options.LeadSource && l.ExternalId == contactId) is { } local)
        {
            return (local, false);
        }

        if (await db.Leads.FirstOrDefaultAsync(l => l.Source == Options.LeadSource && l.ExternalId == contactId, ct) is { } stored)
        {
            return (stored, false);
        }

        var lead = new Lead
        {
            Source = Options.LeadSource,
            ExternalId = contactId,
            DisplayName = $"GoHighLevel contact {contactId}",
            NameIsGenerated = true,
            Channel = "sms",
        };
        db.Leads.Add(lead);
        return (lead, true);
    }
}
