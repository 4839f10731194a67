using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class Bm25ScorerTests
{
    private static readonly string[] Documents =
    [
        "the children need help and the charity helps the children",
        "what commission does the agent charge",
        "the house and the garden",
    ];

    [Fact]
    public void A_document_holding_the_rare_query_word_outscores_one_holding_only_common_words()
    {
        var bm25 = Bm25Scorer.Fit(Documents);
        var terms = Bm25Scorer.QueryTerms("the commission");

        bm25.Score(terms, Documents[1]).ShouldBeGreaterThan(bm25.Score(terms, Documents[2]));
    }

    [Fact]
    public void A_document_sharing_no_word_scores_zero()
    {
        Bm25Scorer.Fit(Documents).Score(Bm25Scorer.QueryTerms("firewood"), Documents[0]).ShouldBe(0);
    }

    [Fact]
    public void Statistics_read_back_from_bytes_score_identically()
    {
        var bm25 = Bm25Scorer.Fit(Documents);
        var copy = Bm25Scorer.FromBytes(bm25.ToBytes());
        var terms = Bm25Scorer.QueryTerms("children charity");

        copy.Score(terms, Documents[0]).ShouldBe(bm25.Score(terms, Documents[0]));
    }
}
