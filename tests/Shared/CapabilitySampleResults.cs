using System.Reflection;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Tests.Shared;

/// <summary>
/// What each Pricing and Market plugin function returns, as realistic records, with the tool as the real plugin declares
/// it: the answer composer, the web/Teams/SMS renderers and the Adaptive Card checks all start from these, so every
/// pricing and market answer is rendered without training a model.
/// </summary>
public static class CapabilitySampleResults
{
    private static readonly DateOnly AsOf = new(2015, 5, 27);

    private static readonly IReadOnlyList<ComparableAnswer> Comparables =
    [
        .. Enumerable.Range(0, 8).Select(i => new ComparableAnswer($"71293005{i:00}", AsOf.AddDays(-30 * i), 640_000 + 9_000 * i, 0.3 + 0.1 * i, 3, 2, 1_800 + 40 * i, 655_000 + 4_000 * i)),
    ];

    /// <summary>The real plugin's function as the planner sees it, with the presentation its capability declared.</summary>
    public static ToolSpec Tool(string function)
    {
        var plugin = typeof(PricingPlugin).GetMethods().Any(m => m.GetCustomAttribute<KernelFunctionAttribute>()?.Name == function) ? typeof(PricingPlugin) : typeof(MarketPlugin);
        var method = plugin.GetMethods().Single(m => m.GetCustomAttribute<KernelFunctionAttribute>()?.Name == function);
        var name = plugin == typeof(PricingPlugin) ? "Pricing" : "Market";
        return new ToolSpec($"{name}-{function}", name, function, "", []) { Presentation = ToolPresentation.For(function, method) };
    }

    public static object For(string function) => function switch
    {
        "estimate_value" => new ValueAnswer("7129300520 (Seattle 98178)", 651_000, 598_000, 709_000, 552_000, 768_000,
            ["living area (1,800 sq ft) raises the value 12%", "location premium (+9%) raises the value 8%", "construction grade (7) lowers the value 3%"], 8, AsOf, 2),
        "recommend_list_price" => new ListPriceAnswer("7129300520 (Seattle 98178)", 665_000, 650_000, 680_000, 651_000, Comparables, 1.004, 0.46, 0.38,
            "Seattle, WA", 23, "Zillow median days to pending, Seattle, WA, 2015-04, adjusted for list/value 1.02", PricingPlugin.NoCompetitorData,
            "market level (no per-listing days on market in the store)", 2),
        "estimate_days_to_sell" => new DaysAnswer("7129300520 (Seattle 98178)", 23, 53, 1.02, "Zillow median days to pending, Seattle, WA, 2015-04",
            "market level (no per-listing days on market in the store)"),
        "find_undervalued" => new UndervaluedAnswer(
        [
            .. Enumerable.Range(0, 6).Select(i => new UndervaluedItem($"52003000{i:00}", "98118", "last sale", 412_000 + 10_000 * i, AsOf.AddDays(-20 * i),
                498_000 + 11_000 * i, 17.2 - i, "sold 17% below the model's value, outside its 80% range")),
        ]),
        "market_trends" => new TrendsAnswer("Seattle, WA",
        [
            TrendItem.From("zillow", "typical home value (ZHVI)", new SeriesTrend("zhvi", AsOf, 612_345, 0.008, 0.091, 0.012, "rising", [new SeriesAnomaly(new DateOnly(2015, 2, 28), 600_000, 580_000, 3.4)])),
            TrendItem.From("zillow", "share sold above list", new SeriesTrend("pct_sold_above_list", AsOf, 0.391, 0.02, 0.52, 0.01, "rising", [])),
            TrendItem.From("redfin", "national sale-to-list ratio", new SeriesTrend("avg_sale_to_list", AsOf, 1.021, 0.003, 0.011, 0.002, "rising", [])),
        ], new ChartData("Homes sold per month, Seattle, WA", ["2015-01", "2015-02", "2015-03", "2015-04"],
            new Dictionary<string, IReadOnlyList<double>> { ["Homes sold"] = [3_120, 3_410, 4_520, 5_010] }) { YLabel = "Homes sold" }),
        "investment_alerts" => new AlertsAnswer(
        [
            new AlertItem("undervalued", "5200300000 in 98118 sold 17% below its estimated value", "Last sale $412,000 vs model $498,000 (80% range $455,000–$545,000)", 17.2),
            new AlertItem("market-turn", "Seattle, WA days to pending is turning", "year over year -18.5%, recent momentum -3.1%", 8.1),
        ], 3),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };
}
