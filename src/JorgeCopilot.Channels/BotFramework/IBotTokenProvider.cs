namespace JorgeCopilot.Channels.BotFramework;

/// <summary>Bearer tokens for calls to the Connector; null when the bot runs without an app id (anonymous).</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
