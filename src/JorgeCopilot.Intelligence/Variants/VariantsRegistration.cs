using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Variants;

public static class VariantsRegistration
{
    /// <summary>Bot variants: generator, Thompson-sampling experiments, kernel plugin <c>Variants</c> and the <c>bot-lift</c> eval suite.</summary>
    public static IServiceCollection AddVariants(this IServiceCollection services)
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
        services.AddSingleton<VariantsPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<VariantsPlugin>(), "Variants"));
        services.AddSingleton<IEvalSuite, BotLiftEvalSuite>();
        return services;
    }
}
