namespace JorgeCopilot.Intelligence.Variants;

/// <summary>A winning side's turn from a past conversation that reached its goal, tagged with the strategy it maps to.</summary>
/// <param name="Situation">What the other side had just said (the turn the exemplar answered).</param>
/// <param name="Score">Retrieval score against the lead's situation (fused rank score; higher is closer).</param>
public sealed record Exemplar(string Corpus, string ConversationId, int TurnIndex, string Label, string Text, double? OutcomeValue,
    string? Situation = null, double Score = 0);

/// <summary>One lookup for a whole variant set: the lead's situation (goal, cleaned facts, last message) and the strategies drawn.</summary>
public sealed record ExemplarQuery(string Situation, IReadOnlyList<string> Strategies, int PerStrategy);

/// <summary>Winning turns close to the lead's situation, per strategy: the grounding a variant cites and the LLM prompt shows.</summary>
public interface IExemplarSource
{
    /// <summary>Up to <see cref="ExemplarQuery.PerStrategy"/> exemplars for each asked strategy (an empty list when none was found).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Exemplar>>> WinningTurnsAsync(ExemplarQuery query, CancellationToken cancellationToken);
}
