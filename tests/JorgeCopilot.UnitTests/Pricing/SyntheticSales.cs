using JorgeCopilot.Intelligence.Pricing;

namespace JorgeCopilot.Testing;

/// <summary>
/// Small generated sales for tests: homes scattered over four ZIP areas near Seattle, priced by size, grade and a
/// location premium (east dearer than west) with multiplicative noise. Deterministic per seed.
/// </summary>
public static class SyntheticSales
{
    public static List<HomeSale> Generate(int count, int seed = 3)
    {
        var random = new Random(seed);
        var sales = new List<HomeSale>(count);
        for (var i = 0; i < count; i++)
        {
            var lat = 47.50 + random.NextDouble() * 0.20;
            var lon = -122.40 + random.NextDouble() * 0.30;
            var zip = (lat > 47.6 ? 98100 : 98000) + (lon > -122.25 ? 5 : 1);
            var sqft = 900 + random.NextDouble() * 2600;
            var grade = 6 + random.Next(0, 5);
            var beds = Math.Max(1, Math.Round(sqft / 700));
            var premium = 0.8 * (lon + 122.40) + 0.5 * (lat - 47.5);
            var noise = (random.NextDouble() - 0.5) * 0.16;
            var price = Math.Exp(Math.Log(230) + Math.Log(sqft) + 0.09 * (grade - 7) + premium + noise);
            var date = new DateOnly(2014, 5, 1).AddDays(random.Next(0, 390));
            var home = new HomeFeatures
            {
                Zip = zip.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Latitude = lat,
                Longitude = lon,
                Bedrooms = beds,
                Bathrooms = Math.Max(1, beds - 1),
                LivingSqft = Math.Round(sqft),
                LotSqft = 5000 + random.Next(0, 4000),
                Floors = random.Next(1, 3),
                YearBuilt = 1920 + random.Next(0, 95),
                YearRenovated = 0,
                Condition = 3,
                Grade = grade,
                View = 0,
                Waterfront = 0,
                AboveSqft = Math.Round(sqft),
                BasementSqft = 0,
                NeighborLivingSqft = 1800,
                NeighborLotSqft = 6000,
            };
            sales.Add(new HomeSale((1000000000L + i * 7919L).ToString(System.Globalization.CultureInfo.InvariantCulture), date, Math.Round(price), home));
        }

        return sales;
    }

    /// <summary>Training settings small enough for a test (a second or two).</summary>
    public static PriceModelOptions QuickOptions(bool outOfFold = false) => new()
    {
        Iterations = 80,
        LearningRate = 0.1,
        Leaves = 15,
        MinimumLeafCount = 5,
        ScreenIterations = 40,
        OutOfFold = outOfFold,
    };
}
