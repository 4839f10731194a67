using JorgeCopilot.Core.Import;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Market intelligence: metro trends, investment alerts, market share from imported listing exports (import kind
/// <c>listings</c>); plugin <c>Market</c>. Alerts rank undervalued homes by the price model, so Market brings Pricing.
/// </summary>
public sealed class MarketCapability : ICapability
{
    public string Name => "Market";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/market.jsonl");

    public void AddServices(IServiceCollection services)
    {
        services.AddCapability(new PricingCapability());
        AddMarketData(services);
        services.AddSingleton<MarketTrendsService>();
        services.AddSingleton<InvestmentAlertService>();
        services.AddSingleton<CompetitiveIntelligence>();
        services.AddSingleton<IKindImporter, ListingExportImporter>();
        services.AddKernelPlugin<MarketPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMarket();

    /// <summary>The store's market series and listing readers, shared with Pricing (days to sell, sale-to-list context).</summary>
    internal static void AddMarketData(IServiceCollection services)
    {
        services.TryAddSingleton<MarketData>();
        services.TryAddSingleton<DaysToSellEstimator>();
        services.TryAddSingleton<ListingInsights>();
    }
}
