using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class QdrantFilterTests
{
    [Fact]
    public void Every_set_field_of_a_conversation_filter_becomes_one_keyword_condition()
    {
        var filter = QdrantFilter.From(new ConversationFilter(Corpus: "casino", Outcome: Outcomes.Won, Strategy: "self-need", Kind: ConversationKinds.Turn).ToExpression()!);

        filter.Must.Select(c => (c.Field.Key, c.Field.Match.Keyword)).ShouldBe(
            [("corpus", "casino"), ("outcome", "won"), ("kind", "turn"), ("strategies", "self-need")], ignoreOrder: true);
    }

    [Fact]
    public void A_filter_on_a_field_Qdrant_does_not_index_is_refused()
    {
        Should.Throw<NotSupportedException>(() => QdrantFilter.From(r => r.Text == "x"));
    }

    [Fact]
    public void An_empty_conversation_filter_filters_nothing()
    {
        new ConversationFilter().ToExpression().ShouldBeNull();
    }

    [Fact]
    public void Point_ids_are_stable_uuids_per_key()
    {
        QdrantVectorCollection.Uuid("pfg/1").ShouldBe(QdrantVectorCollection.Uuid("pfg/1"));
        QdrantVectorCollection.Uuid("pfg/1").ShouldNotBe(QdrantVectorCollection.Uuid("pfg/2"));
    }
}
