namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>The model's feature vector: home facts, sale date, and out-of-sample location aggregates.</summary>
public static class PricingFeatures
{
    public const int Count = 40;

    private static readonly DateOnly Epoch = new(2000, 1, 1);

    /// <summary>Feature names in vector order, with the plain-language label used in explanations.</summary>
    public static IReadOnlyList<(string Name, string Label)> Names { get; } =
    [
        ("bedrooms", "bedrooms"),
        ("bathrooms", "bathrooms"),
        ("living_sqft", "living area"),
        ("lot_sqft", "lot size"),
        ("floors", "floors"),
        ("waterfront", "waterfront"),
        ("view", "view quality"),
        ("condition", "condition"),
        ("grade", "construction grade"),
        ("above_sqft", "above-ground area"),
        ("basement_sqft", "basement area"),
        ("year_built", "year built"),
        ("year_renovated", "renovation"),
        ("zip", "ZIP code"),
        ("latitude", "location (north-south)"),
        ("longitude", "location (east-west)"),
        ("neighbor_living_sqft", "size of neighbouring homes"),
        ("neighbor_lot_sqft", "lot size of neighbouring homes"),
        ("sale_day", "sale date (market level)"),
        ("sale_month", "season"),
        ("age", "age of the home"),
        ("years_since_update", "years since built or renovated"),
        ("rot_sum", "location (diagonal)"),
        ("rot_diff", "location (diagonal)"),
        ("near_log_ppsf", "price per sq ft of the 10 nearest sales"),
        ("near_median_log_ppsf", "median price per sq ft nearby"),
        ("near_log_price", "prices of the 10 nearest sales"),
        ("near_distance_km", "distance to nearby sales"),
        ("wide_log_ppsf", "price per sq ft of the 30 nearest sales"),
        ("relative_size", "size against nearby homes"),
        ("zip_log_ppsf", "ZIP price per sq ft"),
        ("near_implied_log_price", "nearby price per sq ft × this home's size"),
        ("nearest_log_ppsf", "price per sq ft of the 5 nearest sales"),
        ("near_grade", "construction grade of neighbouring homes"),
        ("relative_grade", "grade against neighbouring homes"),
        ("near_premium", "location premium of the 10 nearest sales"),
        ("wide_premium", "location premium of the 30 nearest sales"),
        ("hedonic_log_price", "size, grade and condition"),
        ("comparable_log_price", "nearby sales adjusted to this home (10 nearest)"),
        ("wide_comparable_log_price", "nearby sales adjusted to this home (30 nearest)"),
    ];

    public static float[] Build(HomeFeatures home, DateOnly date, in NeighborhoodStats near, double hedonicLogPrice)
    {
        var v = new float[Count];
        Build(home, date, near, hedonicLogPrice, v);
        return v;
    }

    public static void Build(HomeFeatures home, DateOnly date, in NeighborhoodStats near, double hedonicLogPrice, Span<float> v)
    {
        ArgumentNullException.ThrowIfNull(home);
        var renovated = home.YearRenovated > 0 ? home.YearRenovated : double.NaN;
        var logSqft = home.LivingSqft > 0 ? Math.Log(home.LivingSqft) : double.NaN;
        v[0] = F(home.Bedrooms);
        v[1] = F(home.Bathrooms);
        v[2] = F(home.LivingSqft);
        v[3] = F(home.LotSqft);
        v[4] = F(home.Floors);
        v[5] = F(home.Waterfront);
        v[6] = F(home.View);
        v[7] = F(home.Condition);
        v[8] = F(home.Grade);
        v[9] = F(home.AboveSqft);
        v[10] = F(home.BasementSqft);
        v[11] = F(home.YearBuilt);
        v[12] = F(renovated);
        v[13] = double.TryParse(home.Zip, out var zip) ? (float)zip : Missing;
        v[14] = F(home.Latitude);
        v[15] = F(home.Longitude);
        v[16] = F(home.NeighborLivingSqft);
        v[17] = F(home.NeighborLotSqft);
        v[18] = date.DayNumber - Epoch.DayNumber;
        v[19] = date.Month;
        v[20] = F(date.Year - home.YearBuilt);
        v[21] = F(date.Year - (double.IsNaN(renovated) ? home.YearBuilt : renovated));
        v[22] = F(home.Latitude + home.Longitude);
        v[23] = F(home.Latitude - home.Longitude);
        v[24] = F(near.NearLogPpsf);
        v[25] = F(near.NearMedianLogPpsf);
        v[26] = F(near.NearLogPrice);
        v[27] = F(near.NearDistanceKm);
        v[28] = F(near.WideLogPpsf);
        v[29] = F(logSqft - near.NearLogSqft);
        v[30] = F(near.ZipLogPpsf);
        v[31] = F(near.NearLogPpsf + logSqft);
        v[32] = F(near.NearestLogPpsf);
        v[33] = F(near.NearGrade);
        v[34] = F(home.Grade - near.NearGrade);
        v[35] = F(near.NearPremium);
        v[36] = F(near.WidePremium);
        v[37] = F(hedonicLogPrice);
        v[38] = F(hedonicLogPrice + near.NearPremium);
        v[39] = F(hedonicLogPrice + near.WidePremium);
    }

    /// <summary>
    /// Stand-in for a missing value. LightGBM learns a default direction for NaN, but the trees ML.NET exposes (which
    /// TreeSHAP and serving walk) do not carry it; a finite sentinel below every real value keeps the two identical.
    /// </summary>
    public const float Missing = -1e6f;

    public static bool IsMissing(double value) => double.IsNaN(value) || value <= Missing;

    internal static float F(double value) => double.IsNaN(value) || double.IsInfinity(value) ? Missing : (float)value;
}
