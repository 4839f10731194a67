namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// The nearest comparable sales: among the 80 closest sales (or, without coordinates, across the home's ZIP,
/// neighbourhood or the whole market), those most alike in size, grade, bedrooms, bathrooms, age and date,
/// each with its price adjusted to the subject through the quality regression (size, grade, condition, age, date).
/// Sales the model screened out as likely non-market sales are never offered as evidence.
/// </summary>
public static class ComparableFinder
{
    private const int Candidates = 80;

    public static IReadOnlyList<Comparable> Find(PriceModel model, HomeFeatures subject, DateOnly asOf, string? excludeParcel, int count = 8)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(subject);
        var index = model.Index;
        var subjectHedonic = index.Hedonic.Predict(subject, asOf);
        return Nearest(model, subject, asOf, excludeParcel, Math.Clamp(count, 1, 30)).Select(s =>
        {
            var sale = index.Sales[s.Index];
            var adjusted = sale.Price * Math.Exp(subjectHedonic - index.Hedonic.Predict(sale.Home, sale.SaleDate));
            return new Comparable(sale.ParcelId, sale.SaleDate, sale.Price, double.IsNaN(s.Km) ? null : Math.Round(s.Km, 2), sale.Home.Bedrooms, sale.Home.Bathrooms,
                sale.Home.LivingSqft, sale.Home.Grade, sale.Home.LivingSqft > 0 ? sale.Price / sale.Home.LivingSqft : double.NaN, adjusted, sale.Home.Zip);
        }).ToList();
    }

    /// <summary>
    /// Pool indices of the most alike sales, best first. With coordinates: among the 80 closest. Without: across the
    /// subject's ZIP or neighbourhood when it names one the pool knows, else across the whole market (distance unknown: NaN km).
    /// </summary>
    internal static IReadOnlyList<(int Index, double Km)> Nearest(PriceModel model, HomeFeatures subject, DateOnly asOf, string? excludeParcel, int count)
    {
        var index = model.Index;
        var scored = new List<(double Score, int Index, double Km)>();
        if (subject.HasLocation)
        {
            Span<int> idx = stackalloc int[Candidates];
            Span<double> dist = stackalloc double[Candidates];
            var found = index.Nearest(subject.Latitude, subject.Longitude, excludeParcel, -1, idx, dist);
            for (var j = 0; j < found; j++)
            {
                if (!model.IsScreened(idx[j]))
                {
                    var km = Math.Sqrt(dist[j]);
                    scored.Add((km + Unlike(subject, index.Sales[idx[j]], asOf), idx[j], km));
                }
            }
        }
        else
        {
            bool SameArea(HomeSale s) =>
                (subject.Zip is { } zip && string.Equals(s.Home.Zip, zip, StringComparison.Ordinal))
                || (subject.Neighborhood is { } area && string.Equals(s.Home.Neighborhood, area, StringComparison.OrdinalIgnoreCase));
            var area = subject.Zip is not null || subject.Neighborhood is not null ? index.Sales.Any(SameArea) : false;
            for (var i = 0; i < index.Count; i++)
            {
                var sale = index.Sales[i];
                if (!model.IsScreened(i) && (!area || SameArea(sale)) && !string.Equals(sale.ParcelId, excludeParcel, StringComparison.Ordinal))
                {
                    scored.Add((Unlike(subject, sale, asOf), i, double.NaN));
                }
            }
        }

        scored.Sort((a, b) => a.Score.CompareTo(b.Score));
        return scored.Take(count).Select(s => (s.Index, s.Km)).ToList();
    }

    /// <summary>How unlike the subject a sale is, in km-equivalents.</summary>
    private static double Unlike(HomeFeatures subject, HomeSale sale, DateOnly asOf)
    {
        var months = Math.Abs(asOf.DayNumber - sale.SaleDate.DayNumber) / 30.4;
        var size = subject.LivingSqft > 0 && sale.Home.LivingSqft > 0 ? Math.Abs(Math.Log(subject.LivingSqft / sale.Home.LivingSqft)) : 0.3;
        var grade = double.IsNaN(subject.Grade) || double.IsNaN(sale.Home.Grade) ? 0.5 : Math.Abs(subject.Grade - sale.Home.Grade);
        var beds = double.IsNaN(subject.Bedrooms) || double.IsNaN(sale.Home.Bedrooms) ? 0.5 : Math.Abs(subject.Bedrooms - sale.Home.Bedrooms);
        var baths = double.IsNaN(subject.Bathrooms) || double.IsNaN(sale.Home.Bathrooms) ? 0.25 : Math.Abs(subject.Bathrooms - sale.Home.Bathrooms);
        var age = double.IsNaN(subject.YearBuilt) || double.IsNaN(sale.Home.YearBuilt) ? 0.5 : Math.Min(Math.Abs(subject.YearBuilt - sale.Home.YearBuilt), 60) / 20;
        // Weights: 1 km ≈ 15% size difference ≈ one grade ≈ three bedrooms ≈ two baths ≈ 20 years of age ≈ a year of market drift.
        return size / 0.15 + grade + beds / 3 + baths / 2 + age + Math.Min(months, 36) / 12;
    }
}

/// <summary>
/// A comparable sale and its price adjusted to the subject home (size, grade, condition, age and date differences);
/// <see cref="DistanceKm"/> is null when the subject's coordinates are unknown.
/// </summary>
public sealed record Comparable(
    string ParcelId,
    DateOnly SaleDate,
    double Price,
    double? DistanceKm,
    double Bedrooms,
    double Bathrooms,
    double LivingSqft,
    double Grade,
    double PricePerSqft,
    double AdjustedPrice,
    string? Zip);
