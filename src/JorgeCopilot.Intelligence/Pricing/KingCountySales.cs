using System.Globalization;
using System.IO.Compression;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>Reads the King County sales file (kc_house_data.csv[.gz]) as the published columns describe it.</summary>
public static class KingCountySales
{
    public const string FileName = "kc_house_data.csv.gz";

    public static IReadOnlyList<HomeSale> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.")).Split(',');
        var col = header.Select((name, i) => (name, i)).ToDictionary(x => x.name.Trim('"'), x => x.i, StringComparer.Ordinal);
        string[] required = ["id", "date", "price", "sqft_living", "lat", "long", "zipcode"];
        foreach (var name in required)
        {
            if (!col.ContainsKey(name))
            {
                throw new InvalidDataException($"{path}: missing column '{name}'.");
            }
        }

        var sales = new List<HomeSale>(22000);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var f = text.Split(',');
            double D(string name) => double.Parse(f[col[name]].Trim('"'), CultureInfo.InvariantCulture);
            try
            {
                var date = DateOnly.ParseExact(f[col["date"]].Trim('"')[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
                var home = new HomeFeatures
                {
                    Zip = f[col["zipcode"]].Trim('"'),
                    Latitude = D("lat"),
                    Longitude = D("long"),
                    Bedrooms = D("bedrooms"),
                    Bathrooms = D("bathrooms"),
                    LivingSqft = D("sqft_living"),
                    LotSqft = D("sqft_lot"),
                    Floors = D("floors"),
                    Waterfront = D("waterfront"),
                    View = D("view"),
                    Condition = D("condition"),
                    Grade = D("grade"),
                    AboveSqft = D("sqft_above"),
                    BasementSqft = D("sqft_basement"),
                    YearBuilt = D("yr_built"),
                    YearRenovated = D("yr_renovated"),
                    NeighborLivingSqft = D("sqft_living15"),
                    NeighborLotSqft = D("sqft_lot15"),
                };
                sales.Add(new HomeSale(f[col["id"]].Trim('"'), date, D("price"), home));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException($"{path}, line {line}: {e.Message}", e);
            }
        }

        return sales;
    }
}
