namespace JorgeCopilot.Core.Channels;

/// <summary>
/// One inbound Bot Framework activity that was accepted for processing. The unique <see cref="Key"/> makes a
/// redelivered activity (channels retry on timeouts) a no-op, and because it lives in the store every replica agrees.
/// </summary>
public sealed class ChannelActivityReceipt
{
    public long Id { get; set; }
    /// <summary>SHA-256 (hex) of channel id, conversation id and activity id; fixed length whatever the channel sends.</summary>
    public required string Key { get; set; }
    public required string ChannelId { get; set; }
    public DateTime ReceivedAt { get; set; }
}
