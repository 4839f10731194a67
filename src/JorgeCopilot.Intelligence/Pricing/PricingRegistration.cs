using JorgeCopilot.Core.Health;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Pricing;

public static class PricingRegistration
{
    /// <summary>Pricing and market intelligence: model provider, services, trainer, eval suite and the "Pricing" kernel plugin.</summary>
    public static IServiceCollection AddPricing(this IServiceCollection services)
    {
        services.AddSingleton<PriceModelProvider>();
        services.AddSingleton<IHealthContributor>(sp => new ChampionHealth(PriceModelProvider.Task, async ct =>
            await sp.GetRequiredService<PriceModelProvider>().GetAsync(ct) is { } champion
                ? (champion.Version, $"{champion.Model.Info.Sales} sales, {champion.Model.Info.FirstSale:yyyy-MM} to {champion.Model.Info.LastSale:yyyy-MM}")
                : null,
            sp.GetService<TrainingActivity>()));
        services.AddSingleton<MarketData>();
        services.AddSingleton<MarketTrendsService>();
        services.AddSingleton<DaysToSellEstimator>();
        services.AddSingleton<ListingInsights>();
        services.AddSingleton<PricingService>();
        services.AddSingleton<InvestmentAlertService>();
        services.AddSingleton<CompetitiveIntelligence>();
        services.AddSingleton<ListingExportImporter>();
        services.AddSingleton<IModelTrainer, PricingTrainer>();
        services.AddSingleton<IEvalSuite, PricingEvalSuite>();
        services.AddSingleton<PricingPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<PricingPlugin>(), "Pricing"));
        return services;
    }
}
