using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel;
using Qdrant.Client;

namespace JorgeCopilot.Intelligence.Conversations;

public static class ConversationsRegistration
{
    /// <summary>
    /// Winning-conversation retrieval: the vector collection (embedded, or Qdrant when <c>Qdrant:Url</c> is set), the
    /// indexer (also the <c>conversation-index</c> trainer), <see cref="IConversationSearch"/>, kernel plugin
    /// <c>Conversations</c> and the <c>retrieval</c> eval suite.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<QdrantOptions>().BindConfiguration(QdrantOptions.SectionName);
        services.AddSingleton<IVectorPersistence, StoreVectorPersistence>();
        services.AddSingleton<VectorStoreCollection<string, ConversationVector>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<QdrantOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Url)
                ? new EmbeddedVectorCollection(options.Collection, sp.GetRequiredService<IVectorPersistence>())
                : new QdrantVectorCollection(new QdrantClient(new Uri(options.Url), options.ApiKey, loggerFactory: sp.GetService<ILoggerFactory>()),
                    options.Collection);
        });
        services.AddSingleton<ConversationIndexer>();
        services.AddSingleton<IModelTrainer>(sp => sp.GetRequiredService<ConversationIndexer>());
        services.AddSingleton<IConversationSearch, ConversationSearch>();
        services.AddSingleton<IEvalSuite, RetrievalEvalSuite>();
        services.AddSingleton<ConversationsPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<ConversationsPlugin>(), "Conversations"));
        return services;
    }
}
