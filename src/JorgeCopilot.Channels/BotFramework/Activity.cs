using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// A Bot Framework activity (Activity schema v3). Only the fields we read or write are typed; everything else a
/// channel sends is kept in <see cref="Extra"/> so unknown fields never break parsing and survive a round trip.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? InputHint { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<JsonObject>? Entities { get; set; }
    public JsonNode? ChannelData { get; set; }
    public string? ReplyToId { get; set; }
    public JsonNode? Value { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? DeliveryMode { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    public bool ExpectsReplies => string.Equals(DeliveryMode, ActivityTypes.ExpectRepliesDeliveryMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>A reply addressed back to the sender, in the same conversation, threaded under this activity.</summary>
    public Activity CreateReply(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = "bot" },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, IsGroup = Conversation.IsGroup, ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId },
        ReplyToId = Id,
        Locale = Locale,
    };
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string ExpectRepliesDeliveryMode = "expectReplies";
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}

public sealed class CardAction
{
    public string Type { get; set; } = "imBack";
    public string? Title { get; set; }
    public JsonNode? Value { get; set; }
}

/// <summary>Body of the HTTP response to an <c>expectReplies</c> activity.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>What the Connector returns for a posted activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of the HTTP response to an <c>invoke</c> activity (status and value, per the protocol).</summary>
public sealed record InvokeResponseBody(int StatusCode, string? Type, JsonNode? Value);
