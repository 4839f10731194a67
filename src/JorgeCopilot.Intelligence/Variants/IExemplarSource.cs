namespace JorgeCopilot.Intelligence.Variants;

/// <summary>A turn from a past conversation that reached its goal, annotated with a strategy that maps to ours.</summary>
public sealed record Exemplar(string Corpus, string ConversationId, int TurnIndex, string Label, string Text, double? OutcomeValue);

/// <summary>
/// Winning turns for a strategy: the grounding a variant cites. The store-backed source reads the annotated corpora;
/// retrieval over winning conversations can replace it behind this interface.
/// </summary>
public interface IExemplarSource
{
    Task<IReadOnlyList<Exemplar>> WinningTurnsAsync(string strategy, int count, CancellationToken cancellationToken);
}
