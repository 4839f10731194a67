using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// How one source file maps onto the store: its format, which column becomes which field (with type and parse
/// format), the natural key, the leaky columns that must never be imported or trained on, and the training target.
/// Loaded from JSON (<c>*.json</c>) or YAML (<c>*.yml</c>, <c>*.yaml</c>); see data/README.md for the format.
/// </summary>
public sealed class MappingFile
{
    /// <summary>What the file holds: leads, messages, properties, deals, outcomes, series or conversations.</summary>
    public string Kind { get; set; } = "";
    /// <summary>
    /// The data set's name: models trained on this file are registered under it (<c>lead-scoring:&lt;dataset&gt;</c>);
    /// the data file's name without extensions when absent.
    /// </summary>
    public string? Dataset { get; set; }
    public string? Description { get; set; }
    /// <summary>The bundled data file this mapping describes (file name), so <c>jorge import</c> can find it without <c>--map</c>.</summary>
    public string? DataFile { get; set; }
    public SourceFormat Format { get; set; } = new();
    /// <summary>Constant field values (e.g. <c>source</c>, <c>region</c>, <c>metric</c>) that the file does not carry.</summary>
    public Dictionary<string, string> Constants { get; set; } = [];
    public List<FieldMapping> Fields { get; set; } = [];
    /// <summary>Fields (by field name) whose values together identify a row; duplicates within a file are an error.</summary>
    public List<string> NaturalKey { get; set; } = [];
    public List<LeakyColumn> LeakyColumns { get; set; } = [];
    public TargetMapping? Target { get; set; }
    public AttributeSelection? Attributes { get; set; }
    /// <summary>Rows to keep (all conditions must hold); other rows are skipped, not errors.</summary>
    public List<RowFilter> Where { get; set; } = [];
    /// <summary>Companion files read with their own mapping (e.g. outcomes or labels of a conversation corpus).</summary>
    public List<RelatedFile> Related { get; set; } = [];

    /// <summary>Where the mapping was loaded from; related files are resolved against its folder.</summary>
    [JsonIgnore]
    [YamlIgnore]
    public string? Path { get; set; }

    public static MappingFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new MappingException($"mapping file {path} does not exist");
        }

        var text = File.ReadAllText(path);
        var where = $"mapping file {path}";
        MappingFile? mapping;
        try
        {
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                MappingFileErrors.CheckKind(where, text);
                mapping = JsonSerializer.Deserialize<MappingFile>(text, JsonOptions);
            }
            else
            {
                mapping = YamlReader.Deserialize<MappingFile>(text);
            }
        }
        catch (JsonException ex)
        {
            throw MappingFileErrors.Describe(where, text, ex);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new MappingException($"{where}: line {ex.Start.Line}, column {ex.Start.Column}: {reason}", ex);
        }

        if (mapping is null)
        {
            throw new MappingException($"mapping file {path} is empty");
        }

        mapping.Path = System.IO.Path.GetFullPath(path);
        mapping.Validate();
        return mapping;
    }

    public static MappingFile Parse(string json)
    {
        MappingFile? parsed;
        try
        {
            MappingFileErrors.CheckKind("mapping", json);
            parsed = JsonSerializer.Deserialize<MappingFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw MappingFileErrors.Describe("mapping", json, ex);
        }

        var mapping = parsed ?? throw new MappingException("mapping is empty");
        mapping.Validate();
        return mapping;
    }

    public FieldMapping? FieldFor(string field) =>
        Fields.FirstOrDefault(f => string.Equals(f.FieldName, field, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a leaky column; a leaky name ending in <c>*</c> matches by prefix (<c>Asymmetrique*</c>).</summary>
    public bool IsLeaky(string column) => LeakyColumns.Any(l => ColumnPattern.Matches(l.Column, column));

    /// <summary>The data set's name: <see cref="Dataset"/>, else the data file's name without its extensions.</summary>
    public string DatasetName(string? dataPath = null)
    {
        if (!string.IsNullOrWhiteSpace(Dataset))
        {
            return Dataset.Trim();
        }

        var file = System.IO.Path.GetFileName(dataPath ?? DataFile ?? Path ?? "export");
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? file[..dot] : file;
    }

    /// <summary>Column → label for every field that has one (reasons and feature lists show the label).</summary>
    public IReadOnlyDictionary<string, string> Labels()
    {
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in Fields.Where(f => !string.IsNullOrWhiteSpace(f.Label)))
        {
            foreach (var column in field.SourceColumns())
            {
                labels.TryAdd(column, field.Label!);
            }
        }

        return labels;
    }

    /// <summary>
    /// Columns a model may learn from: every mapped field and attribute column except leaky columns and the target.
    /// </summary>
    public IReadOnlyList<string> FeatureColumns(IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Where(c => !IsLeaky(c) && !IsTarget(c) && (IsMappedColumn(c) || (Attributes?.Includes(c) ?? false)))
            .ToList();
    }

    public bool IsTarget(string column) => Target is not null && string.Equals(Target.Column, column, StringComparison.OrdinalIgnoreCase);

    private bool IsMappedColumn(string column) =>
        Fields.Any(f => f.SourceColumns().Any(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Checks the mapping itself, so a broken mapping fails before any row is read.</summary>
    public void Validate()
    {
        var where = Path is null ? "mapping" : $"mapping file {Path}";
        if (!ImportKinds.All.Contains(Kind))
        {
            throw new MappingException($"{where}: kind '{Kind}' is not valid; valid kinds are {string.Join(", ", ImportKinds.All)}");
        }

        Format.Validate(where);
        foreach (var field in Fields)
        {
            field.Validate(where);
            foreach (var column in field.SourceColumns())
            {
                if (IsLeaky(column))
                {
                    throw new MappingException($"{where}: column '{column}' is listed as leaky and cannot also be mapped to a field");
                }
            }
        }

        foreach (var leaky in LeakyColumns)
        {
            if (string.IsNullOrWhiteSpace(leaky.Column) || string.IsNullOrWhiteSpace(leaky.Reason))
            {
                throw new MappingException($"{where}: every leaky column needs a column name and a reason");
            }
        }

        foreach (var key in NaturalKey)
        {
            if (FieldFor(key) is null && !Constants.ContainsKey(key))
            {
                throw new MappingException($"{where}: natural key field '{key}' is not mapped");
            }
        }

        if (Target is not null && (string.IsNullOrWhiteSpace(Target.Column) || string.IsNullOrWhiteSpace(Target.Positive)))
        {
            throw new MappingException($"{where}: target needs a column and a positive value");
        }

        if (Target is not null && IsLeaky(Target.Column))
        {
            throw new MappingException($"{where}: the target column '{Target.Column}' cannot be leaky");
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly IDeserializer YamlReader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithEnumNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();
}
