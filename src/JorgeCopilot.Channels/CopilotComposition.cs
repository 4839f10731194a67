using JorgeCopilot.Agent;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Core;
using JorgeCopilot.Intelligence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace JorgeCopilot.Channels;

/// <summary>
/// The one composition of the product, used by the API host, the CLI and the routing eval alike, so they cannot drift:
/// the store, the intelligence layer with every built-in capability, the agent and the channels.
/// </summary>
public static class CopilotComposition
{
    public static IHostApplicationBuilder AddJorgeCopilot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJorgeCore();
        builder.Services.AddJorgeIntelligence();
        builder.AddJorgeAgent();
        builder.Services.AddJorgeChannels();
        return builder;
    }

    /// <summary>Every endpoint: chat, chart images, the model registry, each capability's REST, the Bot Framework and SMS webhooks.</summary>
    public static IEndpointRouteBuilder MapJorgeCopilot(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapChat();
        endpoints.MapCharts();
        endpoints.MapJorgeIntelligence();
        endpoints.MapBotFramework();
        endpoints.MapSms();
        return endpoints;
    }
}
