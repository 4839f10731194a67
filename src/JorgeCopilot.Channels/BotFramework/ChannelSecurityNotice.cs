using JorgeCopilot.Agent;
using JorgeCopilot.Channels.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>Says loudly on start when a channel endpoint is open (no app id) or closed (no SMS token), so nobody is surprised.</summary>
internal sealed class ChannelSecurityNotice(IOptions<BotOptions> bot, IOptions<SmsOptions> sms, IServiceProviderIsService services, ILogger<ChannelSecurityNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!bot.Value.AuthenticationEnabled)
        {
            logger.LogWarning("Bot:MicrosoftAppId is not set: /api/messages accepts anonymous calls and replies only to loopback or Bot:AllowedServiceUrls. Set it (and Bot:MicrosoftAppPassword) before exposing the bot.");
        }

        if (string.IsNullOrWhiteSpace(sms.Value.AuthToken))
        {
            logger.LogWarning("Sms:AuthToken is not set: /api/sms rejects every call (403) until it is.");
        }

        if (sms.Value.AllowedSenders.Count == 0)
        {
            logger.LogWarning("Sms:AllowedSenders is empty: no SMS sender gets answers (only STOP/START/HELP). List Jorge's own numbers there.");
        }

        if (!services.IsService(typeof(ICopilot)))
        {
            logger.LogWarning("No ICopilot is registered: channel messages will be answered with an apology until the agent layer is composed in.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
