using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using JorgeCopilot.Core.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace JorgeCopilot.Channels;

public static class DependencyInjection
{
    /// <summary>Bot Framework (<c>/api/messages</c>), Teams cards and SMS (<c>/api/sms</c>). Needs the store and an <see cref="Agent.ICopilot"/>.</summary>
    public static IServiceCollection AddJorgeChannels(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .Validate(o => !o.AuthenticationEnabled || !string.IsNullOrWhiteSpace(o.MicrosoftAppPassword),
                "Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppId is set.")
            .Validate(o => o.Workers is >= 1 and <= 256, "Bot:Workers must be between 1 and 256.")
            .Validate(o => o.TypingDelay > TimeSpan.Zero && o.TypingInterval > TimeSpan.Zero, "Bot:TypingDelay and Bot:TypingInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<SmsOptions>()
            .BindConfiguration(SmsOptions.SectionName)
            .Validate(o => o.MaxSegments is >= 1 and <= 10, "Sms:MaxSegments must be between 1 and 10.")
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, "Sms:PublicBaseUrl must be an absolute URL.")
            .Validate(o => o.ApiBaseUrl is null || o.ApiBaseUrl.IsAbsoluteUri, "Sms:ApiBaseUrl must be an absolute URL.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotAuthenticator>();
        services.AddHttpClient(nameof(BotAuthenticator));
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.AddHttpClient<ConnectorClient>()
            .AddStandardResilienceHandler(o =>
            {
                // Retries 429/5xx/timeouts with jittered exponential backoff, honouring Retry-After.
                o.Retry.MaxRetryAttempts = 4;
                o.Retry.Delay = TimeSpan.FromMilliseconds(300);
            });
        services.AddSingleton<ActivityReceiptStore>();
        services.AddSingleton<SmsOptOutStore>();
        services.AddTransient<TwilioBaseUrlHandler>();
        services.AddHttpClient(TwilioSmsSender.HttpClientName).AddHttpMessageHandler<TwilioBaseUrlHandler>();
        services.AddSingleton<TwilioSmsSender>();
        services.AddSingleton<ChannelReplyRenderer>();
        services.AddSingleton<IAnswerRenderer, TeamsCardAnswerRenderer>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddScoped<CopilotResolver>();
        services.AddScoped<SmsConversation>();
        services.AddScoped<BotTurnProcessor>();
        services.AddSingleton<TurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        services.AddSingleton<IHealthContributor, TurnWorkersHealth>();
        services.AddHostedService<ChannelSecurityNotice>();
        services.AddHostedService<ReceiptPurge>();
        return services;
    }
}
