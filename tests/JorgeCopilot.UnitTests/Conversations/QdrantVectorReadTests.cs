using JorgeCopilot.Intelligence.Conversations;
using Google.Protobuf;
using Qdrant.Client.Grpc;

namespace JorgeCopilot.UnitTests.Conversations;

/// <summary>
/// Reading a point's vector from the wire message the server sends (no Qdrant server here: the messages are built with
/// the client package's own protobuf types, as they arrive off the wire).
/// </summary>
public sealed class QdrantVectorReadTests
{
    [Fact]
    public void A_dense_vector_is_read_from_the_dense_field()
    {
        var output = new VectorsOutput { Vector = new VectorOutput { Dense = new DenseVector { Data = { 0.5f, -1f } } } };

        QdrantVectorCollection.VectorOf(output).ToArray().ShouldBe([0.5f, -1f]);
    }

    [Fact]
    public void A_vector_in_the_deprecated_data_field_is_read_too()
    {
#pragma warning disable CS0612, CS0618 // building what servers before 1.13 send
        var output = new VectorsOutput { Vector = new VectorOutput { Data = { 0.25f, 2f, 3f } } };
#pragma warning restore CS0612, CS0618

        QdrantVectorCollection.VectorOf(VectorsOutput.Parser.ParseFrom(output.ToByteArray())).ToArray().ShouldBe([0.25f, 2f, 3f]);
    }

    [Fact]
    public void A_point_sent_without_vectors_reads_as_empty()
    {
        QdrantVectorCollection.VectorOf(null).IsEmpty.ShouldBeTrue();
        QdrantVectorCollection.VectorOf(new VectorsOutput()).IsEmpty.ShouldBeTrue();
    }
}
