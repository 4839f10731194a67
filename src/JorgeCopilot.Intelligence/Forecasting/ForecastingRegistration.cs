using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Forecasting;

public static class ForecastingRegistration
{
    /// <summary>Forecasting and business intelligence: the forecast engine, revenue services, eval suite and the "Forecasting" kernel plugin.</summary>
    public static IServiceCollection AddForecasting(this IServiceCollection services)
    {
        services.AddSingleton<IEvalSuite, ForecastingEvalSuite>();
        return services;
    }
}
