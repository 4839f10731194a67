using Microsoft.SemanticKernel;

namespace JorgeCopilot.Agent.Kernel;

/// <summary>One <see cref="Microsoft.SemanticKernel.Kernel"/> holding every capability plugin registered in DI as <see cref="KernelPlugin"/>.</summary>
public static class CopilotKernelFactory
{
    public static Microsoft.SemanticKernel.Kernel Create(IServiceProvider services, IEnumerable<KernelPlugin> plugins)
    {
        var collection = new KernelPluginCollection();
        foreach (var plugin in plugins)
        {
            // Two registrations of one capability would give the model two identical tools; keep the first.
            if (!collection.Contains(plugin.Name))
            {
                collection.Add(plugin);
            }
        }

        return new Microsoft.SemanticKernel.Kernel(services, collection);
    }
}
