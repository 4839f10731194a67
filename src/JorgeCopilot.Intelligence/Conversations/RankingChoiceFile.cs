using System.Text.Json;
using System.Text.Json.Serialization;
using JorgeCopilot.Core.Data;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// The ranking the app serves, <c>data/conversation-ranking.json</c>: what <see cref="RankingTuner"/> chose on the
/// training dialogues (the <see cref="DialogueSplit"/> training side) of Persuasion For Good and CaSiNo pooled, written
/// by <c>jorge eval retrieval</c> into its output folder and copied here; the eval fails when the two disagree. The
/// indexer reads it when it fits an index, so the choice is stored in the index model and named by its version.
/// </summary>
public static class RankingChoiceFile
{
    public const string FileName = "conversation-ranking.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The stored choice; the defaults when the file is absent (a host without bundled data).</summary>
    public static RankingChoice Load(DataLocator data)
    {
        ArgumentNullException.ThrowIfNull(data);
        string path;
        try
        {
            path = data.Bundled(FileName);
        }
        catch (DirectoryNotFoundException)
        {
            return RankingChoice.Default;
        }

        return File.Exists(path) ? Parse(File.ReadAllText(path)) : RankingChoice.Default;
    }

    public static RankingChoice Parse(string json) =>
        JsonSerializer.Deserialize<Stored>(json, Json)?.Choice ?? throw new InvalidDataException($"{FileName}: no choice.");

    public static string Serialize(RankingChoice choice, string basis) => JsonSerializer.Serialize(new Stored(basis, choice), Json);

    private sealed record Stored(string Basis, RankingChoice Choice);
}
