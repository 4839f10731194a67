using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Evals.Routing;
using JorgeCopilot.Evals.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JorgeCopilot.Evals;

public static class DependencyInjection
{
    /// <summary>The eval runner and the routing suite; the other suites are registered by their capabilities as <c>IEvalSuite</c>.</summary>
    public static IServiceCollection AddJorgeEvals(this IServiceCollection services)
    {
        services.TryAddSingleton<EvalRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEvalSuite, RoutingEvalSuite>());
        return services;
    }
}
