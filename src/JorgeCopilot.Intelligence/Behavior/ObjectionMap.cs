using System.Text.Json;
using JorgeCopilot.Core.Data;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// data/persuasion-for-good/objection-map.json: which persuadee dialogue acts stand for which of Jorge's objections,
/// and why. Kept as data so the mapping can be read, argued with and changed without touching code.
/// </summary>
public sealed class ObjectionMap
{
    public const string FileName = "objection-map.json";
    public const string None = "none";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, string> bySource;

    private ObjectionMap(MapFile file)
    {
        Description = file.Description;
        Objections = file.Objections;
        bySource = file.Objections.SelectMany(o => o.Sources.Select(s => (s, o.Id))).ToDictionary(p => p.s, p => p.Id, StringComparer.Ordinal);
    }

    public string Description { get; }

    public IReadOnlyList<ObjectionDefinition> Objections { get; }

    /// <summary>Objections the corpus can teach (at least one source act), plus <see cref="None"/>.</summary>
    public IReadOnlyList<string> Classes => [None, .. Objections.Where(o => o.Sources.Count > 0).Select(o => o.Id)];

    public static ObjectionMap Load(DataLocator data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Parse(File.ReadAllText(data.Bundled("persuasion-for-good", FileName)));
    }

    public static ObjectionMap Parse(string json) =>
        new(JsonSerializer.Deserialize<MapFile>(json, Json) ?? throw new InvalidDataException("Empty objection map."));

    /// <summary>The objection a persuadee act stands for, or <see cref="None"/>.</summary>
    public string Map(string act) => bySource.GetValueOrDefault(act ?? "", None);

    public ObjectionDefinition? Definition(string id) => Objections.FirstOrDefault(o => o.Id == id);

    private sealed record MapFile(string Description, List<ObjectionDefinition> Objections);
}

public sealed record ObjectionDefinition(string Id, string Label, IReadOnlyList<string> Sources, string Why);
