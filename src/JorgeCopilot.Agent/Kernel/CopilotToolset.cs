using JorgeCopilot.Agent.Planning;
using Microsoft.Extensions.AI;

namespace JorgeCopilot.Agent.Kernel;

/// <summary>The kernel's plugin functions as AI tools (bound to the kernel), with their plugin/function names.</summary>
public sealed class CopilotToolset
{
    public CopilotToolset(Microsoft.SemanticKernel.Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Kernel = kernel;
        Tools = kernel.Plugins.SelectMany(p => p.AsAIFunctions(kernel)).Cast<AITool>().ToList();
        Specs = Tools.Select(ToolSpec.From).OfType<ToolSpec>().ToList();
    }

    public Microsoft.SemanticKernel.Kernel Kernel { get; }

    public IReadOnlyList<AITool> Tools { get; }

    public IReadOnlyList<ToolSpec> Specs { get; }

    public ToolSpec? FindByWireName(string name) =>
        Specs.FirstOrDefault(s => s.WireName == name)
        // LLM connectors may hand back "Plugin-function" for "Plugin_function" and the like.
        ?? Specs.FirstOrDefault(s => ParameterNames.Canonical(s.WireName) == ParameterNames.Canonical(name) || ParameterNames.Canonical(s.Key) == ParameterNames.Canonical(name));
}
