using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Kernel;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace JorgeCopilot.Agent;

public static class DependencyInjection
{
    /// <summary>The agent layer: kernel over every registered <see cref="KernelPlugin"/>, the chat client chosen by <c>Copilot:Provider</c>, <see cref="ICopilot"/> and the renderers.</summary>
    public static IHostApplicationBuilder AddJorgeAgent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddJorgeAgent(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddJorgeAgent(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var optionsBuilder = services.AddOptions<CopilotOptions>();
        if (configuration is not null)
        {
            optionsBuilder.Bind(configuration.GetSection(CopilotOptions.SectionName));
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CopilotOptions>, CopilotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<PromptCatalog>();
        services.TryAddSingleton<SlotExtractor>();
        services.TryAddSingleton<IntentClassifier>();
        services.TryAddSingleton<IPlannerDirectory, StorePlannerDirectory>();
        services.TryAddSingleton<IDialogueStore, StoreDialogueStore>();
        services.TryAddSingleton<AnswerComposer>();
        services.TryAddSingleton<RegionMatcher>();
        services.TryAddSingleton<RequestReader>();
        services.TryAddSingleton<EntityResolver>();
        services.TryAddSingleton<Clarifier>();
        services.TryAddSingleton<ArgumentBinder>();
        services.TryAddSingleton<OfflinePlanner>();
        services.TryAddSingleton<PlannerChatClient>();

        services.TryAddSingleton(sp => CopilotKernelFactory.Create(sp, sp.GetServices<KernelPlugin>()));
        services.TryAddSingleton(sp => new CopilotToolset(sp.GetRequiredService<Microsoft.SemanticKernel.Kernel>()));

        // UseKernelFunctionInvocation runs the plugins the client asks for; without it (and without the client's
        // ChatClientMetadata) Semantic Kernel would hand the function calls back unexecuted.
        services.AddChatClient(CreateChatClient).UseKernelFunctionInvocation();

        services.TryAddSingleton<ICopilot, CopilotService>();
        services.TryAddSingleton<MarkdownAnswerRenderer>();
        services.AddSingleton<IAnswerRenderer>(sp => sp.GetRequiredService<MarkdownAnswerRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnswerRenderer, SmsAnswerRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnswerRenderer, PlainTextAnswerRenderer>());
        services.TryAddSingleton<AnswerRenderers>();
        return services;
    }

    private static IChatClient CreateChatClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CopilotOptions>>().Value;
        if (!options.IsOpenAI)
        {
            return services.GetRequiredService<PlannerChatClient>();
        }

        // Semantic Kernel's OpenAI connector speaks to OpenAI, Azure OpenAI's v1 endpoint and compatible servers alike.
        var loggers = services.GetService<ILoggerFactory>();
        // The custom-endpoint constructor is marked experimental (SKEXP0010) but is the documented way to reach
        // compatible servers (Ollama, vLLM); local servers ignore the key, so any non-empty value is sent.
#pragma warning disable SKEXP0010
        var completion = options.Endpoint is { } endpoint
            ? new OpenAIChatCompletionService(options.Model!, endpoint, string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey, loggerFactory: loggers)
            : new OpenAIChatCompletionService(options.Model!, options.ApiKey!, loggerFactory: loggers);
#pragma warning restore SKEXP0010
        return completion.AsChatClient();
    }
}
