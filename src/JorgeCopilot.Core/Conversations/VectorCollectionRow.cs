namespace JorgeCopilot.Core.Conversations;

/// <summary>A named collection of the embedded vector store; <see cref="Revision"/> changes on every write so replicas can tell their cache is stale.</summary>
public sealed class VectorCollectionRow
{
    public required string Name { get; set; }
    public int Dimensions { get; set; }
    public long Revision { get; set; }
}
