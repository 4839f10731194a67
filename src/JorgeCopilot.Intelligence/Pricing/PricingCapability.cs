using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Core.Health;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>Pricing: the price model (trainer, provider, health), valuations, list-price advice, days to sell, undervalued homes; plugin <c>Pricing</c>.</summary>
public sealed class PricingCapability : ICapability
{
    public string Name => "Pricing";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/pricing.jsonl");

    public void AddServices(IServiceCollection services)
    {
        MarketCapability.AddMarketData(services);
        services.AddSingleton<PriceModelProvider>();
        services.AddSingleton<IHealthContributor>(sp => new ChampionHealth(PriceModelProvider.Task, async ct =>
            await sp.GetRequiredService<PriceModelProvider>().GetAsync(ct) is { } champion
                ? (champion.Version, $"{champion.Model.Info.Sales} sales, {champion.Model.Info.FirstSale:yyyy-MM} to {champion.Model.Info.LastSale:yyyy-MM}")
                : null,
            sp.GetService<TrainingActivity>()));
        services.AddSingleton<PricingService>();
        services.AddSingleton<ZipCities>();
        services.AddSingleton<IModelTrainer, PricingTrainer>();
        services.AddSingleton<IEvalSuite, PricingEvalSuite>();
        services.AddKernelPlugin<PricingPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapPricing();
}
