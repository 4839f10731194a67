namespace JorgeCopilot.Core.Conversations;

/// <summary>One vector of the embedded vector store: the record's payload as JSON and its vector as little-endian float32 bytes.</summary>
public sealed class VectorRow
{
    public long Id { get; set; }
    public required string Collection { get; set; }
    public required string Key { get; set; }
    public required string Payload { get; set; }
    public required byte[] Vector { get; set; }
}
