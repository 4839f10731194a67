using JorgeCopilot.Agent;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// The channels' handle on the copilot. The agent layer registers <see cref="ICopilot"/>; the host must still start
/// (health, other endpoints) when it is not composed in, so a missing copilot surfaces per turn — logged, and an
/// apology to the user through the error hook — instead of failing the whole host at start.
/// </summary>
public sealed class CopilotResolver(IEnumerable<ICopilot> copilots)
{
    private readonly ICopilot? _copilot = copilots.LastOrDefault();

    public bool IsAvailable => _copilot is not null;

    public Task<CopilotReply> AskAsync(CopilotRequest request, CancellationToken cancellationToken) =>
        _copilot is null
            ? throw new InvalidOperationException("No ICopilot is registered: compose the agent layer (AddJorgeAgent) into the host.")
            : _copilot.AskAsync(request, cancellationToken);
}
