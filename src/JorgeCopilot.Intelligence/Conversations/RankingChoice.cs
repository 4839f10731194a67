using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// The ranking parameters an index is served with, chosen by <see cref="RankingTuner"/> on validation folds of training
/// dialogues: fusion for turn searches (prepared responses, exemplars) and for conversation searches, and how many
/// neighbours (and with which weights) score a conversation's outcome. Stored inside the index model, so its version
/// names the choice as well as the vector space.
/// </summary>
public sealed record RankingChoice(FusionParameters Turns, FusionParameters Conversations, int OutcomeNeighbours, NeighbourWeighting Weighting)
{
    /// <summary>The parameters used before any were chosen: equal-weight fusion everywhere, 20 similarity-weighted neighbours.</summary>
    public static readonly RankingChoice Default = new(FusionParameters.Default, FusionParameters.Default, 20, NeighbourWeighting.Similarity);

    /// <summary>The fusion for a search: turn parameters when it asks for turns, conversation parameters otherwise.</summary>
    public FusionParameters For(ConversationFilter? filter) => filter?.Kind == ConversationKinds.Turn ? Turns : Conversations;

    [JsonIgnore]
    public string Fingerprint => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToString())))[..8].ToLowerInvariant();

    public override string ToString() =>
        $"turns: {Turns}; conversations: {Conversations}; outcome: {OutcomeNeighbours} {Weighting.ToString().ToLowerInvariant()}-weighted neighbours";

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var f in new[] { Turns, Conversations })
        {
            writer.Write(f.KeywordWeight);
            writer.Write(f.FusionK);
            writer.Write(f.CandidatePool);
        }

        writer.Write(OutcomeNeighbours);
        writer.Write((int)Weighting);
    }

    public static RankingChoice Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var turns = new FusionParameters(reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
        var conversations = new FusionParameters(reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
        return new RankingChoice(turns, conversations, reader.ReadInt32(), (NeighbourWeighting)reader.ReadInt32());
    }
}
