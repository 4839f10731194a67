namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// How <see cref="HybridRanker"/> merges the vector and keyword orders: the <see cref="CandidatePool"/> nearest vectors
/// (at least the requested top) are re-scored by BM25 and fused by weighted reciprocal rank,
/// <c>1/(k + vector rank) + KeywordWeight/(k + keyword rank)</c>. <see cref="KeywordWeight"/> 0 is the vector order.
/// </summary>
public sealed record FusionParameters(double KeywordWeight, int FusionK, int CandidatePool)
{
    /// <summary>What the ranker did before parameters were chosen on validation dialogues (equal weights, k = 60, 50 candidates).</summary>
    public static readonly FusionParameters Default = new(1.0, 60, 50);

    /// <summary>How many vector candidates a search for <paramref name="top"/> items fetches.</summary>
    public int CandidatesFor(int top) => KeywordWeight <= 0 ? top : Math.Max(CandidatePool, top);

    public override string ToString() => $"keyword weight {KeywordWeight:0.##}, k {FusionK}, {CandidatePool} candidates";
}
