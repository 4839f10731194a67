using JorgeCopilot.Core.Properties;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Properties and their sales (one row = one sale or listing of a parcel). Property fields: parcelId (natural key),
/// address, zip, latitude, longitude, bedrooms, bathrooms, livingSqft, lotSqft, floors, yearBuilt, yearRenovated,
/// condition, grade, view, waterfront, aboveSqft, basementSqft, neighborLivingSqft, neighborLotSqft. Sale fields
/// (a sale is written when saleDate is present; natural key parcel + saleDate): saleDate, salePrice, listPrice,
/// listDate, listingAgent, brokerage, source. A parcel sold twice takes its features from its latest row.
/// </summary>
internal sealed class PropertyImporter : IKindImporter
{
    public string Kind => ImportKinds.Properties;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        var rows = context.ReadAll();
        var properties = rows
            .GroupBy(r => ImportContext.Required(r, "parcelId"), StringComparer.Ordinal)
            .Select(g => ToProperty(g.Key, g.OrderBy(r => ImportContext.AsDate(r.Values.GetValueOrDefault("saleDate")) ?? DateOnly.MinValue)
                .ThenBy(r => r.Row).Last()))
            .ToList();
        var db = context.Db;
        var existingIds = await db.Properties.AsNoTracking().Select(p => new { p.ParcelId, p.Id })
            .ToDictionaryAsync(p => p.ParcelId, p => p.Id, StringComparer.Ordinal, context.CancellationToken);
        var added = properties.Count(p => !existingIds.ContainsKey(p.ParcelId));
        // Address is generated or curated by Jorge when the file has none; a re-import must not erase it.
        var keep = context.Mapping.FieldFor("address") is null ? new[] { nameof(Property.Address) } : [];
        await new BulkUpsert<Property>(db, [nameof(Property.ParcelId)], keep)
            .WriteAsync(properties, context.Writing("properties", properties.Count), context.CancellationToken);

        var ids = await db.Properties.AsNoTracking().Select(p => new { p.ParcelId, p.Id })
            .ToDictionaryAsync(p => p.ParcelId, p => p.Id, StringComparer.Ordinal, context.CancellationToken);
        var sales = rows.Where(r => r.Has("saleDate")).Select(r => ToSale(r, ids[ImportContext.Required(r, "parcelId")])).ToList();
        var existingSales = (await db.Sales.AsNoTracking().Select(s => new { s.PropertyId, s.SaleDate }).ToListAsync(context.CancellationToken))
            .Select(s => (s.PropertyId, s.SaleDate)).ToHashSet();
        var salesAdded = sales.Count(s => !existingSales.Contains((s.PropertyId, s.SaleDate)));
        await new BulkUpsert<Sale>(db, [nameof(Sale.PropertyId), nameof(Sale.SaleDate)])
            .WriteAsync(sales, context.Writing("sales", sales.Count), context.CancellationToken);
        return new ImportCounts(rows.Count, added + salesAdded, properties.Count - added + sales.Count - salesAdded);
    }

    private static Property ToProperty(string parcelId, MappedRow row) => new()
    {
        ParcelId = parcelId,
        Address = row.GetString("address"),
        Zip = row.GetString("zip"),
        Latitude = row.GetDouble("latitude"),
        Longitude = row.GetDouble("longitude"),
        Bedrooms = row.GetDouble("bedrooms"),
        Bathrooms = row.GetDouble("bathrooms"),
        LivingSqft = row.GetDouble("livingSqft"),
        LotSqft = row.GetDouble("lotSqft"),
        Floors = row.GetDouble("floors"),
        YearBuilt = row.GetInt("yearBuilt"),
        YearRenovated = row.GetInt("yearRenovated"),
        Condition = row.GetInt("condition"),
        Grade = row.GetInt("grade"),
        View = row.GetInt("view"),
        Waterfront = row.Values.GetValueOrDefault("waterfront") as bool?,
        AboveSqft = row.GetDouble("aboveSqft"),
        BasementSqft = row.GetDouble("basementSqft"),
        NeighborLivingSqft = row.GetDouble("neighborLivingSqft"),
        NeighborLotSqft = row.GetDouble("neighborLotSqft"),
        Attributes = new Dictionary<string, string>(row.Attributes),
    };

    private static Sale ToSale(MappedRow row, long propertyId) => new()
    {
        PropertyId = propertyId,
        SaleDate = ImportContext.AsDate(row.Values["saleDate"])!.Value,
        SalePrice = row.GetDecimal("salePrice"),
        ListPrice = row.GetDecimal("listPrice"),
        ListDate = ImportContext.AsDate(row.Values.GetValueOrDefault("listDate")),
        ListingAgent = row.GetString("listingAgent"),
        Brokerage = row.GetString("brokerage"),
        Source = row.GetString("source"),
    };
}
