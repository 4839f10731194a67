namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// The nearest comparable sales: among the 80 closest sales, those most alike in size, grade, bedrooms and date,
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
        if (!subject.HasLocation)
        {
            return [];
        }

        var index = model.Index;
        Span<int> idx = stackalloc int[Candidates];
        Span<double> dist = stackalloc double[Candidates];
        var found = index.Nearest(subject.Latitude, subject.Longitude, excludeParcel, -1, idx, dist);
        var subjectHedonic = index.Hedonic.Predict(subject, asOf);
        var scored = new List<(double Score, int Index, double Km)>(found);
        for (var j = 0; j < found; j++)
        {
            if (model.IsScreened(idx[j]))
            {
                continue;
            }

            var sale = index.Sales[idx[j]];
            var km = Math.Sqrt(dist[j]);
            var months = Math.Abs(asOf.DayNumber - sale.SaleDate.DayNumber) / 30.4;
            var size = subject.LivingSqft > 0 && sale.Home.LivingSqft > 0 ? Math.Abs(Math.Log(subject.LivingSqft / sale.Home.LivingSqft)) : 0.3;
            var grade = double.IsNaN(subject.Grade) || double.IsNaN(sale.Home.Grade) ? 0.5 : Math.Abs(subject.Grade - sale.Home.Grade);
            var beds = double.IsNaN(subject.Bedrooms) || double.IsNaN(sale.Home.Bedrooms) ? 0.5 : Math.Abs(subject.Bedrooms - sale.Home.Bedrooms);
            // Weights: 1 km ≈ 15% size difference ≈ one grade ≈ three bedrooms ≈ a year of market drift.
            var score = km + size / 0.15 + grade + beds / 3 + Math.Min(months, 36) / 12;
            scored.Add((score, idx[j], km));
        }

        return scored.OrderBy(s => s.Score).Take(Math.Clamp(count, 1, 20)).Select(s =>
        {
            var sale = index.Sales[s.Index];
            var adjusted = sale.Price * Math.Exp(subjectHedonic - index.Hedonic.Predict(sale.Home, sale.SaleDate));
            return new Comparable(sale.ParcelId, sale.SaleDate, sale.Price, Math.Round(s.Km, 2), sale.Home.Bedrooms, sale.Home.Bathrooms,
                sale.Home.LivingSqft, sale.Home.Grade, sale.Home.LivingSqft > 0 ? sale.Price / sale.Home.LivingSqft : double.NaN, adjusted, sale.Home.Zip);
        }).ToList();
    }
}

/// <summary>A comparable sale and its price adjusted to the subject home (size, grade, condition, age and date differences).</summary>
public sealed record Comparable(
    string ParcelId,
    DateOnly SaleDate,
    double Price,
    double DistanceKm,
    double Bedrooms,
    double Bathrooms,
    double LivingSqft,
    double Grade,
    double PricePerSqft,
    double AdjustedPrice,
    string? Zip);
