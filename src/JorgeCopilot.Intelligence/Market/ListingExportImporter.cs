using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Properties;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Imports a listing/sales export (MLS or brokerage CSV) through a mapping file read by the shared mapped-file reader:
/// fields <c>parcelId</c> (or <c>address</c>), <c>saleDate</c> or <c>listDate</c>, and any of <c>salePrice</c>,
/// <c>listPrice</c>, <c>listingAgent</c>, <c>brokerage</c>, <c>zip</c>, home facts. Runs inside the import service's one transaction: a bad row imports nothing.
/// </summary>
public sealed class ListingExportImporter : IKindImporter
{
    public const string KindName = ImportKinds.Listings;

    public string Kind => KindName;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.ReadAll();
        // Listings look up existing parcels and their sales, so change tracking stays on for this kind.
        context.Db.ChangeTracker.AutoDetectChangesEnabled = true;
        var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            var parcel = row.GetString("parcelId") ?? (row.GetString("address") is { } a ? "addr:" + a.Trim().ToUpperInvariant() : null)
                ?? throw new ImportException(row.File, row.Line, null, "the row has neither parcelId nor address");
            if (!properties.TryGetValue(parcel, out var property))
            {
                property = await context.Db.Properties.Include(p => p.Sales).FirstOrDefaultAsync(p => p.ParcelId == parcel, context.CancellationToken);
                if (property is null)
                {
                    property = new Property { ParcelId = parcel };
                    context.Db.Properties.Add(property);
                }

                properties[parcel] = property;
            }

            property.Address = row.GetString("address") ?? property.Address;
            property.Zip = row.GetString("zip") ?? property.Zip;
            property.Latitude = row.GetDouble("latitude") ?? property.Latitude;
            property.Longitude = row.GetDouble("longitude") ?? property.Longitude;
            property.Bedrooms = row.GetDouble("bedrooms") ?? property.Bedrooms;
            property.Bathrooms = row.GetDouble("bathrooms") ?? property.Bathrooms;
            property.LivingSqft = row.GetDouble("livingSqft") ?? property.LivingSqft;
            property.LotSqft = row.GetDouble("lotSqft") ?? property.LotSqft;
            property.YearBuilt = (int?)row.GetDouble("yearBuilt") ?? property.YearBuilt;
            property.Grade = (int?)row.GetDouble("grade") ?? property.Grade;
            property.Condition = (int?)row.GetDouble("condition") ?? property.Condition;

            var listDate = row.Values.TryGetValue("listDate", out var ld) && ld is DateOnly d1 ? d1 : (DateOnly?)null;
            var saleDate = row.Values.TryGetValue("saleDate", out var sd) && sd is DateOnly d2 ? d2 : listDate
                ?? throw new ImportException(row.File, row.Line, null, "the row has neither saleDate nor listDate");
            var sale = property.Sales.FirstOrDefault(s => s.SaleDate == saleDate);
            if (sale is null)
            {
                sale = new Sale { SaleDate = saleDate };
                property.Sales.Add(sale);
                added++;
            }
            else
            {
                updated++;
            }

            sale.SalePrice = row.GetDecimal("salePrice") ?? sale.SalePrice;
            sale.ListPrice = row.GetDecimal("listPrice") ?? sale.ListPrice;
            sale.ListDate = listDate ?? sale.ListDate;
            sale.ListingAgent = row.GetString("listingAgent") ?? sale.ListingAgent;
            sale.Brokerage = row.GetString("brokerage") ?? sale.Brokerage;
            sale.Source = context.Mapping.Constants.TryGetValue("source", out var source) ? source : "listing-export";
        }

        await context.Db.SaveChangesAsync(context.CancellationToken);
        return new ImportCounts(rows.Count, added, updated);
    }
}
