using Microsoft.Extensions.AI;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>The offline <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> over a fitted <see cref="TfidfEmbeddingModel"/>.</summary>
public sealed class TfidfEmbeddingGenerator(TfidfEmbeddingModel model) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata metadata = new("tfidf", providerUri: null, defaultModelId: model.Version,
        defaultModelDimensions: model.Dimensions);

    public TfidfEmbeddingModel Model => model;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(model.Embed(value)) { ModelId = model.Version });
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
