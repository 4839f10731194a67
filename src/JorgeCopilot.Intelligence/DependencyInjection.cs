using JorgeCopilot.Intelligence.Pricing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence;

public static class DependencyInjection
{
    /// <summary>Every intelligence capability (models, services, trainers, eval suites, kernel plugins).</summary>
    public static IServiceCollection AddJorgeIntelligence(this IServiceCollection services)
    {
        services.AddPricing();
        return services;
    }
}
