using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>
/// Jorge's CRM, live: the GoHighLevel webhook receiver (<c>POST /webhooks/gohighlevel</c>) stores contacts as leads,
/// messages as messages, opportunities as deals and won/lost opportunities as outcomes. No plugin: what arrives is
/// asked about through the other capabilities (scores, pipeline, forecasts).
/// </summary>
public sealed class CrmCapability : ICapability
{
    public string Name => "Crm";

    public PlannerExamples Examples { get; } = new([], []);

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<GoHighLevelOptions>()
            .BindConfiguration(GoHighLevelOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GoHighLevelOptions>>().Value;
            return new GoHighLevelSignature(options.Ed25519PublicKeyPem, options.PublicKeyPem);
        });
        services.AddSingleton<GoHighLevelStoreWriter>();
        services.AddSingleton<GoHighLevelWebhookReceiver>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCrm();
}
