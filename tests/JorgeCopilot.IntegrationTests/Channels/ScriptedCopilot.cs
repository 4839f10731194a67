using System.Collections.Concurrent;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// Plain-class stand-in for <see cref="ICopilot"/>: the real copilot (agent helper) is built in parallel and is not
/// on this branch yet; the integrator will switch these tests to the real copilot once it lands. It answers by
/// keyword with each <see cref="StructuredAnswer.Kind"/> the channels render, remembers turns per conversation
/// (so multi-turn routing is observable), can be slow ("slow") and can fail ("boom").
/// </summary>
public sealed class ScriptedCopilot : ICopilot
{
    private readonly ConcurrentDictionary<string, int> _turns = new();

    public ConcurrentQueue<CopilotRequest> Requests { get; } = new();

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromMilliseconds(1600);

    public async Task<CopilotReply> AskAsync(CopilotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Requests.Enqueue(request);
        var turn = _turns.AddOrUpdate(request.ConversationId, 1, (_, n) => n + 1);
        var text = request.Text.ToLowerInvariant();
        if (text.Contains("boom", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("scripted failure");
        }

        if (text.Contains("slow", StringComparison.Ordinal))
        {
            await Task.Delay(SlowDelay, cancellationToken);
        }

        var answer = text switch
        {
            _ when text.Contains("explain", StringComparison.Ordinal) => SampleAnswers.Explanation,
            _ when text.Contains("follow", StringComparison.Ordinal) => SampleAnswers.FollowUps,
            _ when text.Contains("rank", StringComparison.Ordinal) => SampleAnswers.RankedLeads,
            _ when text.Contains("score", StringComparison.Ordinal) => SampleAnswers.LeadScore,
            _ when text.Contains("price", StringComparison.Ordinal) => SampleAnswers.PriceRange,
            _ when text.Contains("forecast", StringComparison.Ordinal) => SampleAnswers.Forecast,
            _ => new StructuredAnswer($"Echo (turn {turn}): {request.Text}"),
        };
        return new CopilotReply(request.ConversationId, answer, []);
    }
}
