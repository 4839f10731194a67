using JorgeCopilot.Core.Import;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Turns any sales export into training sales through a mapping file (the shared mapped-file reader): fields
/// <c>parcelId</c> (or <c>address</c>), <c>saleDate</c>, <c>salePrice</c> are required; location comes from <c>latitude</c>
/// and <c>longitude</c>, <c>zip</c>, or <c>neighborhood</c>; the home facts use the names in data/kc-house/properties.map.json.
/// Every other mapped column (with or without a <c>field</c>) is a feature too: numbers and yes/no as numbers, text
/// one-hot over its frequent values (<see cref="ExportFeatures"/>), named in reasons by the mapping's <c>label</c>.
/// Rows without a sale price are skipped.
/// </summary>
public static class SalesExportReader
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "parcelId", "address", "saleDate", "salePrice", "listPrice", "listDate", "zip", "latitude", "longitude", "neighborhood", "neighbourhood",
        "bedrooms", "bathrooms", "livingSqft", "lotSqft", "floors", "waterfront", "view", "condition", "grade", "aboveSqft", "basementSqft",
        "yearBuilt", "yearRenovated", "neighborLivingSqft", "neighborLotSqft", "source",
    };

    public static IReadOnlyList<HomeSale> Read(string dataPath, string mapPath) => ReadExport(dataPath, mapPath).Sales;

    /// <summary>The sales with the plain labels of the export's own columns (by field name).</summary>
    public static SalesExport ReadExport(string dataPath, string mapPath)
    {
        var mapping = MappingFile.Load(mapPath);
        var extraFields = mapping.Fields
            .Where(f => !Known.Contains(f.FieldName) && !mapping.Constants.ContainsKey(f.FieldName) && f.Type is not (FieldType.Date or FieldType.DateTime))
            .ToList();
        var labels = extraFields.ToDictionary(f => f.FieldName, f => f.Label ?? f.Column ?? f.FieldName, StringComparer.Ordinal);
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
            string? T(string field) => row.Values.TryGetValue(field, out var v) && v is not null
                ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } text ? text.Trim() : null
                : null;
            Dictionary<string, double>? numbers = null;
            Dictionary<string, string>? categories = null;
            foreach (var field in extraFields)
            {
                var name = field.FieldName;
                if (!row.Values.TryGetValue(name, out var value) || value is null)
                {
                    continue;
                }

                if (value is string text)
                {
                    (categories ??= new(StringComparer.Ordinal))[name] = text.Trim();
                }
                else if (N(name) is var number && !double.IsNaN(number))
                {
                    (numbers ??= new(StringComparer.Ordinal))[name] = number;
                }
            }

            sales.Add(new HomeSale(parcel, date, price, new HomeFeatures
            {
                Zip = T("zip"),
                Neighborhood = T("neighborhood") ?? T("neighbourhood"),
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
                Numbers = numbers,
                Categories = categories,
            }));
        }

        return new SalesExport(sales, labels);
    }
}

/// <summary>Sales read from an export and the plain labels of its own columns (field name → label).</summary>
public sealed record SalesExport(IReadOnlyList<HomeSale> Sales, IReadOnlyDictionary<string, string> Labels);
