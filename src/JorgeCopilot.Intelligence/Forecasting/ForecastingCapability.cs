using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Forecasting and business intelligence: revenue service, deal seeding, ROI with the <c>costs</c> import kind, the <c>forecasting</c> eval suite, plugin <c>Forecasting</c> and REST under /api/v1/forecast and /api/v1/business.</summary>
public sealed class ForecastingCapability : ICapability
{
    public string Name => "Forecasting";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/forecasting.jsonl");

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<RevenueOptions>()
            .BindConfiguration(RevenueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DealHistorySeeder>();
        services.AddSingleton<ForecastingService>();
        services.AddSingleton<RoiService>();
        services.AddSingleton<IKindImporter, CostImporter>();
        services.AddSingleton<IEvalSuite, ForecastingEvalSuite>();
        services.AddKernelPlugin<ForecastingPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapForecasting();
}
