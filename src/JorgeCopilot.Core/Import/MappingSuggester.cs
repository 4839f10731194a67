using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// <c>jorge map suggest</c>: a starting mapping from a CSV export's header and a sample of its rows. Types are inferred
/// from the values (int, double, date/datetime with the format that parses every sampled cell, category when there are
/// few distinct values, listed; else string), placeholder cells ("NA", "Select", ...) become null values, an id-like
/// column with unique values becomes the natural key, and for training a likely yes/no target is proposed with its
/// rarer value as positive. It is a start: the person reviews leaky columns, labels and store fields before use.
/// </summary>
public static partial class MappingSuggester
{
    public const int SampleRows = 5000;
    public const int MaxCategories = 20;

    private static readonly char[] Delimiters = [',', ';', '\t', '|'];
    private static readonly string[] Placeholders = ["", "NA", "N/A", "null", "NULL", "None", "nan", "NaN", "Select", "-", "?"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "d.M.yyyy", "yyyyMMdd", "yyyy/MM/dd"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyyMMdd'T'HHmmss", "M/d/yyyy H:mm", "M/d/yyyy h:mm:ss tt"];

    /// <summary>Kinds a suggestion can be written for (JSON corpora need their row path written by hand).</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [ImportKinds.Training, ImportKinds.Leads, ImportKinds.Messages, ImportKinds.Properties, ImportKinds.Deals, ImportKinds.Outcomes, ImportKinds.Series, ImportKinds.Listings];

    /// <summary>The suggested mapping as indented JSON.</summary>
    public static string Suggest(string file, string kind = ImportKinds.Training)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (!File.Exists(file))
        {
            throw new ImportException(file, 0, null, "the file does not exist");
        }

        if (!Kinds.Contains(kind))
        {
            throw new MappingException($"kind '{kind}' is not valid for a suggestion; valid kinds are {string.Join(", ", Kinds)}");
        }

        var delimiter = DetectDelimiter(file);
        var format = new SourceFormat { Delimiter = delimiter == '\t' ? "\\t" : delimiter.ToString() };
        var (header, rows) = ReadSample(file, format);
        var columns = header.Select((name, i) => Infer(name, rows.Select(r => i < r.Length ? r[i].Trim() : "").ToList())).ToList();
        var training = kind is ImportKinds.Training or ImportKinds.Leads;
        var target = training ? LikelyTarget(columns) : null;
        var key = columns.FirstOrDefault(c => c.IdLike && c.Unique && c != target);
        var date = columns.Where(c => c.Type is FieldType.Date or FieldType.DateTime && c != target).ToList();

        var fields = new JsonArray();
        var usedFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns.Where(c => c != target && c.Name.Length > 0))
        {
            var field = new JsonObject { ["column"] = c.Name };
            var store = StoreField(kind, c, key, date);
            if (store is not null && usedFields.Add(store))
            {
                field["field"] = store;
            }

            field["type"] = c.Type.ToString().ToLowerInvariant();
            if (c.Format is not null)
            {
                field["format"] = c.Format;
            }

            if (c.Categories.Count > 0)
            {
                field["values"] = new JsonArray([.. c.Categories.Select(v => (JsonNode)v)]);
            }

            if (c.NullValues.Count > 1)
            {
                field["nullValues"] = new JsonArray([.. c.NullValues.Select(v => (JsonNode)v)]);
            }

            field["label"] = Label(c.Name);
            fields.Add(field);
        }

        var stem = Path.GetFileName(file).Split('.')[0];
        var mapping = new JsonObject
        {
            ["kind"] = kind,
            ["dataset"] = stem,
            ["description"] = $"Suggested from {Path.GetFileName(file)} ({rows.Count:N0} sampled rows). Review: list columns known only after the outcome under leakyColumns (with the reason), fix labels, and map store fields with 'field' (data/README.md).",
            ["dataFile"] = Path.GetFileName(file),
            ["format"] = new JsonObject { ["type"] = "csv", ["delimiter"] = format.Delimiter, ["header"] = true },
        };
        if (kind == ImportKinds.Leads)
        {
            mapping["constants"] = new JsonObject { ["source"] = stem };
        }

        mapping["fields"] = fields;
        if (key is not null)
        {
            mapping["naturalKey"] = new JsonArray(StoreField(kind, key, key, date) ?? key.Name);
        }

        mapping["leakyColumns"] = new JsonArray();
        if (target is not null)
        {
            mapping["target"] = new JsonObject { ["column"] = target.Name, ["positive"] = Positive(target) };
        }

        return mapping.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static char DetectDelimiter(string file)
    {
        using var reader = MappedFileReader.OpenText(file, new SourceFormat());
        var first = reader.ReadLine() ?? "";
        return Delimiters.OrderByDescending(d => first.Count(c => c == d)).First();
    }

    private static (List<string> Header, List<string[]> Rows) ReadSample(string file, SourceFormat format)
    {
        using var reader = MappedFileReader.OpenText(file, format);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = format.DelimiterChar().ToString(),
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            BadDataFound = null,
        });
        if (!parser.Read())
        {
            throw new ImportException(file, 1, null, "the file is empty");
        }

        var header = (parser.Record ?? []).Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var rows = new List<string[]>();
        while (rows.Count < SampleRows && parser.Read())
        {
            rows.Add(parser.Record ?? []);
        }

        if (rows.Count == 0)
        {
            throw new ImportException(file, 2, null, "the file has a header but no data rows to infer types from");
        }

        return (header, rows);
    }

    private static ColumnGuess Infer(string name, List<string> cells)
    {
        var nulls = cells.Where(v => Placeholders.Contains(v, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!nulls.Contains(""))
        {
            nulls.Insert(0, "");
        }

        var present = cells.Where(v => !nulls.Contains(v)).ToList();
        var distinct = present.Distinct(StringComparer.Ordinal).ToList();
        var inv = CultureInfo.InvariantCulture;
        var idLike = IdName().IsMatch(name);
        var unique = present.Count > 0 && distinct.Count == present.Count && present.Count == cells.Count;
        FieldType type;
        string? format = null;
        if (present.Count == 0)
        {
            type = FieldType.String;
        }
        else if (!idLike && present.All(v => int.TryParse(v, NumberStyles.Integer, inv, out _)))
        {
            type = distinct.Count <= 2 && distinct.All(v => v is "0" or "1") ? FieldType.Category : FieldType.Int;
        }
        else if (!idLike && present.All(v => double.TryParse(v, NumberStyles.Float, inv, out var d) && double.IsFinite(d)))
        {
            type = FieldType.Double;
        }
        else if (DateTimeFormats.FirstOrDefault(f => present.All(v => System.DateTime.TryParseExact(v, f, inv, DateTimeStyles.None, out _))) is { } dt)
        {
            (type, format) = (FieldType.DateTime, dt);
        }
        else if (DateFormats.FirstOrDefault(f => present.All(v => DateOnly.TryParseExact(v, f, inv, DateTimeStyles.None, out _))) is { } d)
        {
            (type, format) = (FieldType.Date, d);
        }
        else
        {
            type = !unique && distinct.Count <= MaxCategories ? FieldType.Category : FieldType.String;
        }

        var categories = type == FieldType.Category && distinct.Count <= MaxCategories ? distinct.Order(StringComparer.Ordinal).ToList() : [];
        var counts = present.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ColumnGuess(name, type, format, categories, nulls, idLike, unique, counts);
    }

    /// <summary>A two-valued column named like an outcome (converted, y, target, won, ...), else none.</summary>
    private static ColumnGuess? LikelyTarget(List<ColumnGuess> columns)
    {
        var binary = columns.Where(c => c.Counts.Count == 2).ToList();
        return binary.FirstOrDefault(c => TargetName().IsMatch(c.Name));
    }

    private static string Positive(ColumnGuess target)
    {
        var values = target.Counts.Keys.ToList();
        var yes = values.FirstOrDefault(v => v.ToLowerInvariant() is "1" or "yes" or "y" or "true" or "won" or "converted");
        return yes ?? target.Counts.OrderBy(p => p.Value).First().Key;
    }

    private static string? StoreField(string kind, ColumnGuess c, ColumnGuess? key, List<ColumnGuess> dates)
    {
        var n = c.Name.ToLowerInvariant();
        if (kind is ImportKinds.Leads or ImportKinds.Training && c == key)
        {
            return "externalId";
        }

        if (kind is ImportKinds.Leads or ImportKinds.Training && dates.Count > 0 && c == dates[0])
        {
            return "createdAt";
        }

        if (kind != ImportKinds.Leads)
        {
            return null;
        }

        return n switch
        {
            _ when n.Contains("email", StringComparison.Ordinal) => "email",
            _ when n.Contains("phone", StringComparison.Ordinal) || n.Contains("mobile", StringComparison.Ordinal) => "phone",
            "name" or "full name" or "full_name" or "contact name" or "display name" => "displayName",
            "first name" or "first_name" or "firstname" => "firstName",
            "last name" or "last_name" or "lastname" => "lastName",
            "stage" or "status" or "pipeline stage" => "stage",
            _ => null,
        };
    }

    /// <summary>A readable default label: "TotalVisits" → "total visits", "emp.var.rate" → "emp var rate".</summary>
    internal static string Label(string column)
    {
        var spaced = CamelBreak().Replace(column, "$1 $2").Replace('_', ' ').Replace('.', ' ').Trim();
        return Regex.Replace(spaced, @"\s+", " ").ToLowerInvariant();
    }

    [GeneratedRegex(@"(^|[\s_.-])(id|uuid|key|number|no)$|^id[\s_.-]|Id$|ID$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IdName();

    [GeneratedRegex(@"^(y|target|label|converted|conversion|outcome|won|closed|churn|result|sold|success)$|converted|outcome", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TargetName();

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelBreak();

    private sealed record ColumnGuess(string Name, FieldType Type, string? Format, List<string> Categories, List<string> NullValues,
        bool IdLike, bool Unique, Dictionary<string, int> Counts);
}
