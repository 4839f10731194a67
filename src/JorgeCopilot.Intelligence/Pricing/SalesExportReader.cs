using JorgeCopilot.Core.Import;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Turns any sales export into training sales through a mapping file (the shared mapped-file reader): fields
/// <c>parcelId</c>, <c>saleDate</c>, <c>salePrice</c> are required; <c>zip</c>, <c>latitude</c>, <c>longitude</c> and the
/// home facts (names as in data/kc-house/properties.map.json) are used when present. Rows without a sale price are skipped.
/// </summary>
public static class SalesExportReader
{
    public static IReadOnlyList<HomeSale> Read(string dataPath, string mapPath)
    {
        var mapping = MappingFile.Load(mapPath);
        var sales = new List<HomeSale>();
        foreach (var row in MappedFileReader.Read(dataPath, mapping))
        {
            var parcel = row.GetString("parcelId") ?? row.GetString("address")
                ?? throw new ImportException(row.File, row.Line, null, "the mapping gives neither parcelId nor address");
            var date = row.Values.TryGetValue("saleDate", out var d) ? d switch
            {
                DateOnly day => day,
                DateTime time => DateOnly.FromDateTime(time),
                _ => throw new ImportException(row.File, row.Line, null, "saleDate is missing"),
            } : throw new ImportException(row.File, row.Line, null, "the mapping has no saleDate field");
            if (row.GetDouble("salePrice") is not { } price || price <= 0)
            {
                continue;
            }

            double N(string field) => row.GetDouble(field) ?? (row.Values.TryGetValue(field, out var v) && v is bool b ? (b ? 1 : 0) : double.NaN);
            var zip = row.GetString("zip") ?? (row.Values.TryGetValue("zip", out var z) && z is not null ? Convert.ToString(z, System.Globalization.CultureInfo.InvariantCulture) : null);
            sales.Add(new HomeSale(parcel, date, price, new HomeFeatures
            {
                Zip = zip,
                Latitude = N("latitude"),
                Longitude = N("longitude"),
                Bedrooms = N("bedrooms"),
                Bathrooms = N("bathrooms"),
                LivingSqft = N("livingSqft"),
                LotSqft = N("lotSqft"),
                Floors = N("floors"),
                Waterfront = N("waterfront"),
                View = N("view"),
                Condition = N("condition"),
                Grade = N("grade"),
                AboveSqft = N("aboveSqft"),
                BasementSqft = N("basementSqft"),
                YearBuilt = N("yearBuilt"),
                YearRenovated = N("yearRenovated"),
                NeighborLivingSqft = N("neighborLivingSqft"),
                NeighborLotSqft = N("neighborLotSqft"),
            }));
        }

        return sales;
    }
}
