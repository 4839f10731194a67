using System.Text.Json;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.BotFramework;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.Teams;

/// <summary>The Teams rendering as a format of its own ("msteams"): the Adaptive Card JSON, for the chat API and the CLI.</summary>
public sealed class TeamsCardAnswerRenderer(IOptions<BotOptions> bot) : IAnswerRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Format => ChannelReplyRenderer.TeamsChannelId;

    public string Render(StructuredAnswer answer) => TeamsAnswerCards.Render(answer, bot.Value.PublicBaseUrl).ToJsonString(Indented);
}
