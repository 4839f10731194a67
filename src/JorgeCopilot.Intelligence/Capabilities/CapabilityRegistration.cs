using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Capabilities;

public static class CapabilityRegistration
{
    /// <summary>Registers one capability: the instance (for endpoints and the planner) and everything it adds.</summary>
    public static IServiceCollection AddCapability(this IServiceCollection services, ICapability capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        // Registering the same capability twice would give the model two identical tools and map routes twice.
        if (services.Any(d => d.ServiceType == typeof(ICapability) && d.ImplementationInstance is ICapability c && c.Name == capability.Name))
        {
            return services;
        }

        services.AddSingleton(capability);
        capability.AddServices(services);
        return services;
    }

    /// <summary>The capability's kernel plugin: one singleton instance, exposed to the kernel under <paramref name="name"/>.</summary>
    public static IServiceCollection AddKernelPlugin<TPlugin>(this IServiceCollection services, string name)
        where TPlugin : class
    {
        services.TryAddSingleton<TPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<TPlugin>(), name));
        return services;
    }
}
