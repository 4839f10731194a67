using JorgeCopilot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Behavior;

public static class BehaviorRegistration
{
    /// <summary>Client behaviour: objection prediction with prepared responses, the <c>objections</c> eval suite.</summary>
    public static IServiceCollection AddBehavior(this IServiceCollection services)
    {
        services.AddSingleton<IEvalSuite, ObjectionsEvalSuite>();
        return services;
    }
}
