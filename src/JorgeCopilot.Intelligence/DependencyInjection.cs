using JorgeCopilot.Intelligence.Forecasting;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JorgeCopilot.Intelligence;

public static class DependencyInjection
{
    /// <summary>
    /// The intelligence layer: the shared model registry, prediction log, drift/performance monitoring and the weekly
    /// retraining job, plus every capability (lead scoring, pricing, ...). Needs <c>AddJorgeCore()</c> first.
    /// </summary>
    public static IServiceCollection AddJorgeIntelligence(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IModelRegistry, ModelRegistry>();
        services.AddSingleton<PredictionLogger>();
        services.AddSingleton<ModelMonitor>();
        services.AddSingleton<ModelReportService>();
        services.AddSingleton<IJobLock, StoreJobLock>();
        services.AddOptions<RetrainingOptions>()
            .BindConfiguration(RetrainingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TrainingActivity>();
        services.AddSingleton<RetrainingJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetrainingJob>());

        services.AddLeadScoring();
        services.AddPricing();
        services.AddForecasting();
        return services;
    }
}
