using System.Numerics.Tensors;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.AI;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class TfidfEmbeddingModelTests
{
    private static readonly string[] Corpus =
    [
        "The price is too high for us right now",
        "The price seems high but the house is lovely",
        "We are not ready to move until next spring",
        "We are not ready, maybe next year",
        "What commission do you charge for a sale",
        "Your commission is higher than the other agent",
        "We need more firewood and water for the trip",
    ];

    [Fact]
    public void The_same_corpus_gives_the_same_version_and_the_same_vectors()
    {
        var a = TfidfEmbeddingModel.Fit(Corpus);
        var b = TfidfEmbeddingModel.Fit(Corpus);

        a.Version.ShouldBe(b.Version);
        a.Embed("is the price too high").ShouldBe(b.Embed("is the price too high"));
    }

    [Fact]
    public void A_different_corpus_gives_a_different_version()
    {
        TfidfEmbeddingModel.Fit(Corpus).Version.ShouldNotBe(TfidfEmbeddingModel.Fit(Corpus.Skip(1)).Version);
    }

    [Fact]
    public void Vectors_are_unit_length_so_cosine_is_a_dot_product()
    {
        var v = TfidfEmbeddingModel.Fit(Corpus).Embed("the commission is too high");

        v.Length.ShouldBe(TfidfEmbeddingModel.DefaultDimensions);
        TensorPrimitives.Norm(v).ShouldBe(1f, 1e-5f);
    }

    [Fact]
    public void A_paraphrase_lies_closer_than_an_unrelated_sentence()
    {
        var model = TfidfEmbeddingModel.Fit(Corpus);
        var query = model.Embed("your commission is too high");

        TensorPrimitives.Dot(query, model.Embed("What commission do you charge for a sale"))
            .ShouldBeGreaterThan(TensorPrimitives.Dot(query, model.Embed("We need more firewood and water for the trip")));
    }

    [Fact]
    public void A_model_read_back_from_its_bytes_embeds_identically()
    {
        var model = TfidfEmbeddingModel.Fit(Corpus);
        var copy = TfidfEmbeddingModel.FromBytes(model.ToBytes());

        copy.Version.ShouldBe(model.Version);
        copy.Embed("not ready until spring").ShouldBe(model.Embed("not ready until spring"));
    }

    [Fact]
    public async Task The_generator_reports_the_model_version_and_dimensions()
    {
        var model = TfidfEmbeddingModel.Fit(Corpus);
        using var generator = new TfidfEmbeddingGenerator(model);

        var embeddings = await generator.GenerateAsync(["price too high", "not ready"], cancellationToken: TestContext.Current.CancellationToken);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        embeddings.Count.ShouldBe(2);
        embeddings[0].ModelId.ShouldBe(model.Version);
        metadata!.DefaultModelDimensions.ShouldBe(model.Dimensions);
    }
}
