using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using Qdrant.Client;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Winning-conversation retrieval: the vector collection (embedded, or Qdrant when <c>Qdrant:Url</c> is set), the
/// indexer (also the <c>conversation-index</c> trainer), <see cref="IConversationSearch"/>, kernel plugin
/// <c>Conversations</c> and the <c>retrieval</c> eval suite.
/// </summary>
public sealed class ConversationsCapability : ICapability
{
    public string Name => "Conversations";

    public PlannerExamples Examples { get; } = PlannerExamples.FromFile("planner/conversations.jsonl");

    public void AddServices(IServiceCollection services)
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
        services.AddKernelPlugin<ConversationsPlugin>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapConversations();
}
