using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Forecasting;

public static class ForecastingRegistration
{
    /// <summary>Forecasting and business intelligence: revenue service, deal seeding, eval suite and the "Forecasting" kernel plugin.</summary>
    public static IServiceCollection AddForecasting(this IServiceCollection services)
    {
        services.AddOptions<RevenueOptions>()
            .BindConfiguration(RevenueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DealHistorySeeder>();
        services.AddSingleton<ForecastingService>();
        services.AddSingleton<IEvalSuite, ForecastingEvalSuite>();
        services.AddSingleton<ForecastingPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<ForecastingPlugin>(), "Forecasting"));
        return services;
    }
}
