using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Conversations;
using JorgeCopilot.Intelligence.Registry;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary>The variant service wired by hand over a real store, as each API replica would have it (retrieval included).</summary>
internal static class VariantsHarness
{
    public static VariantService Service(JorgeDbContextFactory factory, VariantsOptions? options = null, HttpMessageHandler? llm = null)
    {
        var o = Options.Create(options ?? new VariantsOptions { Seed = 7 });
        var writer = llm is null ? null : new LlmVariantWriter(new HttpClient(llm), Options.Create(Llm), o, NullLogger<LlmVariantWriter>.Instance);
        return new VariantService(factory, new ExperimentStore(factory, TimeProvider.System), new VariantBandit(o),
            new VariantGenerator(new VariantTemplates(), o, NullLogger<VariantGenerator>.Instance), new RetrievedExemplarSource(Search(factory), TimeProvider.System), o,
            TimeProvider.System, NullLogger<VariantService>.Instance, writer);
    }

    /// <summary>An OpenAI-compatible server configured as the agent's would be (the fake handler answers for it).</summary>
    public static VariantLlmOptions Llm { get; } = new()
    {
        Provider = "openai", Endpoint = new Uri("http://llm.test/v1"), Model = "test-model", ApiKey = "test-key",
    };

    public static IConversationSearch Search(JorgeDbContextFactory factory)
    {
        var collection = new EmbeddedVectorCollection("conversations", new StoreVectorPersistence(factory));
        var indexer = new ConversationIndexer(factory, new ModelRegistry(factory, TimeProvider.System, NullLogger<ModelRegistry>.Instance),
            collection, TimeProvider.System, NullLogger<ConversationIndexer>.Instance);
        return new ConversationSearch(indexer, collection);
    }
}
