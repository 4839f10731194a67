using System.Text.Json.Serialization;
using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// One indexed item: a whole conversation (<see cref="Kind"/> "conversation") or one objection-like turn with the
/// reply that followed it ("turn"). Payload fields are the filters the search offers.
/// </summary>
public sealed class ConversationVector
{
    public const int Dimensions = TfidfEmbeddingModel.DefaultDimensions;

    [VectorStoreKey]
    public string Key { get; set; } = "";

    [VectorStoreData(IsIndexed = true)]
    public string Corpus { get; set; } = "";

    [VectorStoreData(IsIndexed = true)]
    public string Kind { get; set; } = ConversationKinds.Conversation;

    /// <summary>"won", "lost" or "unknown".</summary>
    [VectorStoreData(IsIndexed = true)]
    public string Outcome { get; set; } = Outcomes.Unknown;

    [VectorStoreData(IsIndexed = true)]
    public string Channel { get; set; } = "chat";

    /// <summary>Strategy and act labels of the conversation (or of the turn and its reply).</summary>
    [VectorStoreData(IsIndexed = true)]
    public List<string> Strategies { get; set; } = [];

    [VectorStoreData]
    public long ConversationId { get; set; }

    [VectorStoreData]
    public string ExternalId { get; set; } = "";

    [VectorStoreData]
    public double? OutcomeValue { get; set; }

    [VectorStoreData]
    public string Text { get; set; } = "";

    /// <summary>For a turn: what the winning side said next (the prepared response).</summary>
    [VectorStoreData]
    public string? Response { get; set; }

    /// <summary>Content hash of what was embedded plus the embedding version: unchanged items are skipped on re-index.</summary>
    [VectorStoreData]
    public string Fingerprint { get; set; } = "";

    [JsonIgnore]
    [VectorStoreVector(Dimensions, DistanceFunction = DistanceFunction.CosineSimilarity)]
    public ReadOnlyMemory<float> Vector { get; set; }
}

public static class ConversationKinds
{
    public const string Conversation = "conversation";
    public const string Turn = "turn";
}

public static class Outcomes
{
    public const string Won = "won";
    public const string Lost = "lost";
    public const string Unknown = "unknown";

    public static string Of(bool? succeeded) => succeeded switch { true => Won, false => Lost, null => Unknown };
}
