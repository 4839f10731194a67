using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Expression = System.Linq.Expressions.Expression;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// The same collection on Qdrant through the official client (gRPC). Point ids are UUIDs derived from the string key
/// (which travels in the payload); payload fields used by filters get keyword indexes. Filters are translated from the
/// VectorData expression: equality on string fields, <c>Strategies.Contains(x)</c>, joined with <c>&amp;&amp;</c>.
/// </summary>
public sealed class QdrantVectorCollection(QdrantClient client, string name,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null) : VectorStoreCollection<string, ConversationVector>
{
    private static readonly string[] IndexedFields = ["corpus", "kind", "outcome", "channel", "strategies"];

    public override string Name => name;

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) =>
        client.CollectionExistsAsync(name, cancellationToken);

    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        if (await client.CollectionExistsAsync(name, cancellationToken))
        {
            return;
        }

        await client.CreateCollectionAsync(name, new VectorParams { Size = ConversationVector.Dimensions, Distance = Distance.Cosine },
            cancellationToken: cancellationToken);
        foreach (var field in IndexedFields)
        {
            await client.CreatePayloadIndexAsync(name, field, PayloadSchemaType.Keyword, cancellationToken: cancellationToken);
        }
    }

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        if (await client.CollectionExistsAsync(name, cancellationToken))
        {
            await client.DeleteCollectionAsync(name, cancellationToken: cancellationToken);
        }
    }

    public override async Task<ConversationVector?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var points = await client.RetrieveAsync(name, [PointIdOf(key)], withPayload: true, withVectors: true, cancellationToken: cancellationToken);
        return points.Count == 0 ? null : ToRecord(points[0].Payload, points[0].Vectors);
    }

    public override async IAsyncEnumerable<ConversationVector> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ids = keys.Select(PointIdOf).ToList();
        var points = await client.RetrieveAsync(name, ids, withPayload: true, withVectors: true, cancellationToken: cancellationToken);
        foreach (var point in points)
        {
            yield return ToRecord(point.Payload, point.Vectors);
        }
    }

    public override async IAsyncEnumerable<ConversationVector> GetAsync(Expression<Func<ConversationVector, bool>> filter, int top,
        FilteredRecordRetrievalOptions<ConversationVector>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var response = await client.ScrollAsync(name, QdrantFilter.From(filter), (uint)(top + (options?.Skip ?? 0)),
            payloadSelector: true, vectorsSelector: true, cancellationToken: cancellationToken);
        foreach (var point in response.Result.Skip(options?.Skip ?? 0))
        {
            yield return ToRecord(point.Payload, point.Vectors);
        }
    }

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) => DeleteAsync([key], cancellationToken);

    public override async Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ids = keys.Select(k => Uuid(k)).ToList();
        if (ids.Count > 0)
        {
            await client.DeleteAsync(name, ids, cancellationToken: cancellationToken);
        }
    }

    public override Task UpsertAsync(ConversationVector record, CancellationToken cancellationToken = default) => UpsertAsync([record], cancellationToken);

    public override async Task UpsertAsync(IEnumerable<ConversationVector> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var chunk in records.Chunk(256))
        {
            var points = chunk.Select(ToPoint).ToList();
            await client.UpsertAsync(name, points, wait: true, cancellationToken: cancellationToken);
        }
    }

    public override async IAsyncEnumerable<VectorSearchResult<ConversationVector>> SearchAsync<TInput>(TInput searchValue, int top,
        VectorSearchOptions<ConversationVector>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = await VectorInput.ToVectorAsync(searchValue, embeddings, cancellationToken);
        var filter = options?.Filter is { } f ? QdrantFilter.From(f) : null;
        var hits = await client.QueryAsync(name, query.ToArray(), filter: filter, limit: (ulong)top, offset: (ulong)(options?.Skip ?? 0),
            payloadSelector: true, vectorsSelector: options?.IncludeVectors ?? false, cancellationToken: cancellationToken);
        foreach (var hit in hits)
        {
            yield return new VectorSearchResult<ConversationVector>(ToRecord(hit.Payload, hit.Vectors), hit.Score);
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(QdrantClient) ? client
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>A stable UUID per key (SHA-256 of the key, version-4 layout bits set), as Qdrant ids must be integers or UUIDs.</summary>
    public static Guid Uuid(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static PointId PointIdOf(string key) => Uuid(key);

    private static PointStruct ToPoint(ConversationVector r)
    {
        var point = new PointStruct { Id = Uuid(r.Key), Vectors = r.Vector.ToArray() };
        point.Payload["key"] = r.Key;
        point.Payload["corpus"] = r.Corpus;
        point.Payload["kind"] = r.Kind;
        point.Payload["outcome"] = r.Outcome;
        point.Payload["channel"] = r.Channel;
        point.Payload["strategies"] = r.Strategies.ToArray();
        point.Payload["conversation_id"] = r.ConversationId;
        point.Payload["external_id"] = r.ExternalId;
        if (r.OutcomeValue is { } value)
        {
            point.Payload["outcome_value"] = value;
        }

        point.Payload["text"] = r.Text;
        if (r.Response is not null)
        {
            point.Payload["response"] = r.Response;
        }

        point.Payload["fingerprint"] = r.Fingerprint;
        return point;
    }

    private static ConversationVector ToRecord(Google.Protobuf.Collections.MapField<string, Value> payload, VectorsOutput? vectors)
    {
        string Str(string field) => payload.TryGetValue(field, out var v) ? v.StringValue : "";
        return new ConversationVector
        {
            Key = Str("key"),
            Corpus = Str("corpus"),
            Kind = Str("kind"),
            Outcome = Str("outcome"),
            Channel = Str("channel"),
            Strategies = payload.TryGetValue("strategies", out var s) ? s.ListValue.Values.Select(v => v.StringValue).ToList() : [],
            ConversationId = payload.TryGetValue("conversation_id", out var id) ? id.IntegerValue : 0,
            ExternalId = Str("external_id"),
            OutcomeValue = payload.TryGetValue("outcome_value", out var ov) ? ov.DoubleValue : null,
            Text = Str("text"),
            Response = payload.TryGetValue("response", out var resp) ? resp.StringValue : null,
            Fingerprint = Str("fingerprint"),
            Vector = VectorOf(vectors),
        };
    }

    /// <summary>
    /// The dense vector of a point: servers fill <c>dense</c>, earlier ones only the deprecated <c>data</c> field, so
    /// both are read (an empty vector would silently turn every later cosine into zero).
    /// </summary>
    internal static ReadOnlyMemory<float> VectorOf(VectorsOutput? vectors)
    {
        if (vectors?.Vector is not { } vector)
        {
            return ReadOnlyMemory<float>.Empty;
        }

        if (vector.Dense is { } dense)
        {
            return dense.Data.ToArray();
        }
#pragma warning disable CS0612, CS0618 // the deprecated field is what servers before 1.13 send
        return vector.Data.ToArray();
#pragma warning restore CS0612, CS0618
    }
}
