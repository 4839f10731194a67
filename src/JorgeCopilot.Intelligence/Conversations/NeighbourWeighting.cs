namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>How the outcomes of the nearest conversations are averaged into a score for the query's outcome.</summary>
public enum NeighbourWeighting
{
    /// <summary>Each neighbour counts once.</summary>
    Uniform,

    /// <summary>Each neighbour counts by its cosine similarity to the query.</summary>
    Similarity,
}
