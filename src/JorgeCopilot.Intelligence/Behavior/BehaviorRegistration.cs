using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Behavior;

public static class BehaviorRegistration
{
    /// <summary>Client behaviour: objection prediction with prepared responses, contact time and channel, kernel plugin <c>Behavior</c>, the <c>objections</c> and <c>timing</c> eval suites.</summary>
    public static IServiceCollection AddBehavior(this IServiceCollection services)
    {
        services.AddSingleton<ObjectionService>();
        services.AddSingleton<ContactTimingService>();
        services.AddSingleton<IEvalSuite, ObjectionsEvalSuite>();
        services.AddSingleton<IEvalSuite, TimingEvalSuite>();
        services.AddSingleton<BehaviorPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<BehaviorPlugin>(), "Behavior"));
        return services;
    }
}
