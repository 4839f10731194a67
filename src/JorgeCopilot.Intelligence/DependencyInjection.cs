using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JorgeCopilot.Intelligence;

public static class DependencyInjection
{
    /// <summary>
    /// The intelligence layer: the shared model registry, prediction log, drift/performance monitoring and the weekly
    /// retraining job, plus every built-in capability (<see cref="BuiltInCapabilities"/>). Needs <c>AddJorgeCore()</c> first.
    /// </summary>
    public static IServiceCollection AddJorgeIntelligence(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IModelRegistry, ModelRegistry>();
        services.AddSingleton<PredictionLogger>();
        services.AddHostedService<PredictionLogDrain>();
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

        foreach (var capability in BuiltInCapabilities.Create())
        {
            services.AddCapability(capability);
        }

        return services;
    }

    /// <summary>The model registry's endpoints and every registered capability's.</summary>
    public static IEndpointRouteBuilder MapJorgeIntelligence(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModelRegistry();
        endpoints.MapCapabilities();
        return endpoints;
    }
}
