using JorgeCopilot.Agent;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// Wraps the host's real copilot to give the two controls it cannot: a turn that is reliably slow (the typing indicator
/// must appear only once a turn outlasts Bot:TypingDelay, and a real turn is slow only by accident of JIT or load) and
/// a turn that throws (the apology hook; the real copilot turns its own failures into messages). Any other text goes
/// straight to the real copilot, and a slow turn is answered by it too, once the delay has passed.
/// </summary>
public sealed class FaultInjectingCopilot(ICopilot inner) : ICopilot
{
    /// <summary>Text starting with this is held for <see cref="SlowDelay"/>, then the rest is asked of the real copilot.</summary>
    public const string SlowPrefix = "slow: ";

    /// <summary>Text equal to this throws instead of answering.</summary>
    public const string Failure = "boom";

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromMilliseconds(1600);

    public async Task<CopilotReply> AskAsync(CopilotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Text == Failure)
        {
            throw new InvalidOperationException("injected failure");
        }

        if (request.Text.StartsWith(SlowPrefix, StringComparison.Ordinal))
        {
            await Task.Delay(SlowDelay, cancellationToken);
            request = request with { Text = request.Text[SlowPrefix.Length..] };
        }

        return await inner.AskAsync(request, cancellationToken);
    }
}
