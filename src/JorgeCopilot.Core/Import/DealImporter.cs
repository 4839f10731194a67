using System.Globalization;
using JorgeCopilot.Core.Deals;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Deals. Fields: externalId (natural key), leadSource, leadExternalId, parcelId (optional), stage, expectedClose,
/// closedOn, value (required), commissionRate (fraction, required), commission (defaults to value × rate), createdAt.
/// </summary>
internal sealed class DealImporter : IKindImporter
{
    private static readonly string[] Stages = [DealStages.Open, DealStages.UnderContract, DealStages.Closed, DealStages.Lost];

    public string Kind => ImportKinds.Deals;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        var rows = context.ReadAll();
        var leads = await LeadLookup.LoadAsync(context, rows.Select(LeadLookup.SourceOf));
        var parcels = rows.Select(r => r.GetString("parcelId")).OfType<string>().Distinct().ToList();
        var properties = await context.Db.Properties.AsNoTracking().Where(p => parcels.Contains(p.ParcelId))
            .ToDictionaryAsync(p => p.ParcelId, p => p.Id, StringComparer.Ordinal, context.CancellationToken);
        var deals = rows.Select(row => ToDeal(row, leads, properties)).ToList();
        var existing = (await context.Db.Deals.AsNoTracking().Select(d => d.ExternalId).ToListAsync(context.CancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var added = deals.Count(d => !existing.Contains(d.ExternalId));
        await new BulkUpsert<Deal>(context.Db, [nameof(Deal.ExternalId)])
            .WriteAsync(deals, context.Writing("deals", deals.Count), context.CancellationToken);
        return new ImportCounts(rows.Count, added, deals.Count - added);
    }

    private static Deal ToDeal(MappedRow row, LeadLookup leads, Dictionary<string, long> properties)
    {
        var stage = row.GetString("stage") ?? DealStages.Open;
        if (!Stages.Contains(stage))
        {
            throw row.Error("stage", $"\"{stage}\" is not one of {string.Join(", ", Stages)}");
        }

        var value = row.GetDecimal("value") ?? throw row.Error("value", "'value' is required");
        var rate = row.GetDecimal("commissionRate") ?? throw row.Error("commissionRate", "'commissionRate' is required");
        if (rate is < 0 or > 1)
        {
            throw row.Error("commissionRate", $"{rate.ToString(CultureInfo.InvariantCulture)} is not a fraction between 0 and 1 (3% is 0.03)");
        }

        long? propertyId = null;
        if (row.GetString("parcelId") is { } parcel)
        {
            propertyId = properties.TryGetValue(parcel, out var id)
                ? id
                : throw row.Error("parcelId", $"no property {parcel} in the store (import the properties first)");
        }

        return new Deal
        {
            ExternalId = ImportContext.Required(row, "externalId"),
            LeadId = leads.IdOf(row),
            PropertyId = propertyId,
            Stage = stage,
            ExpectedClose = ImportContext.AsDate(row.Values.GetValueOrDefault("expectedClose")),
            ClosedOn = ImportContext.AsDate(row.Values.GetValueOrDefault("closedOn")),
            Value = value,
            CommissionRate = rate,
            Commission = row.GetDecimal("commission") ?? Math.Round(value * rate, 2),
            CreatedAt = ImportContext.AsUtc(row.Values.GetValueOrDefault("createdAt")),
        };
    }
}
