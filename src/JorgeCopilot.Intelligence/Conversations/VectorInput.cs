using Microsoft.Extensions.AI;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>What a vector search accepts: a vector, an <see cref="Embedding{T}"/>, or text when the collection has a generator.</summary>
internal static class VectorInput
{
    public static async ValueTask<ReadOnlyMemory<float>> ToVectorAsync<TInput>(TInput value, IEmbeddingGenerator<string, Embedding<float>>? embeddings,
        CancellationToken cancellationToken) => value switch
        {
            ReadOnlyMemory<float> memory => memory,
            float[] array => array,
            Embedding<float> embedding => embedding.Vector,
            string text when embeddings is not null => (await embeddings.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector,
            string => throw new NotSupportedException("Searching by text needs an embedding generator on the collection."),
            _ => throw new NotSupportedException($"Cannot search by a {typeof(TInput).Name}; pass a float vector, an Embedding<float> or text."),
        };
}
