using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Intelligence.Capabilities;

public static class CapabilityEndpoints
{
    /// <summary>Maps the REST endpoints of every registered capability.</summary>
    public static IEndpointRouteBuilder MapCapabilities(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var capability in endpoints.ServiceProvider.GetServices<ICapability>())
        {
            capability.MapEndpoints(endpoints);
        }

        return endpoints;
    }
}
