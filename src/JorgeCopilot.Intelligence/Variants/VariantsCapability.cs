using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>Bot variants: generator, Thompson-sampling experiments, kernel plugin <c>Variants</c>, REST for the bots and the <c>bot-lift</c> eval suite.</summary>
public sealed class VariantsCapability : ICapability
{
    public string Name => "Variants";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/variants.jsonl");

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<VariantsOptions>()
            .BindConfiguration(VariantsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<VariantTemplates>();
        services.AddSingleton<VariantGenerator>();
        services.AddSingleton<VariantBandit>();
        services.AddSingleton<ExperimentStore>();
        services.AddSingleton<IExemplarSource, StoreExemplarSource>();
        services.AddSingleton<VariantService>();
        services.AddSingleton<StrategyPatternAnalyzer>();
        services.AddSingleton<IEvalSuite, BotLiftEvalSuite>();
        services.AddKernelPlugin<VariantsPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapVariants();
}
