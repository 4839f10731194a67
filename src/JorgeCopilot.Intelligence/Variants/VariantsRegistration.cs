using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Variants;

public static class VariantsRegistration
{
    /// <summary>Bot variants: generator, Thompson-sampling experiments, kernel plugin <c>Variants</c> and the <c>bot-lift</c> eval suite.</summary>
    public static IServiceCollection AddVariants(this IServiceCollection services)
    {
        services.AddSingleton<IEvalSuite, BotLiftEvalSuite>();
        return services;
    }
}
