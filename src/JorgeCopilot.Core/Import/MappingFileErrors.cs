using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Turns what the JSON reader says about a broken mapping into a message a person can act on: the mapping file, the
/// line and column, what was found and the valid choices (types, kinds, settings). The deserializer's own messages name
/// .NET types and members, which mean nothing to someone writing a mapping.
/// </summary>
internal static partial class MappingFileErrors
{
    /// <summary>
    /// Checks <c>kind</c> before anything else: a mapping of another format (or with a typo in its kind) would otherwise
    /// fail on its first unknown setting, hiding the real mistake.
    /// </summary>
    public static void CheckKind(string where, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var seenDataset = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                seenDataset |= string.Equals(name, "dataset", StringComparison.OrdinalIgnoreCase);
                if (!string.Equals(name, "kind", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                reader.Read();
                var kind = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (kind is null || !ImportKinds.All.Contains(kind))
                {
                    var (line, column) = Position(bytes, reader.TokenStartIndex);
                    throw new MappingException(
                        $"{where}: line {line}, column {column}: kind '{kind ?? Raw(bytes, reader)}' is not valid; valid kinds are {string.Join(", ", ImportKinds.All)}");
                }

                return;
            }
        }
        catch (JsonException)
        {
            return; // Not valid JSON: the deserializer reports where.
        }

        var hint = seenDataset
            ? " (this looks like the retired lead-export mapping; data/README.md describes the one mapping format, and `jorge map suggest <file> --kind training` writes one)"
            : "";
        throw new MappingException($"{where}: the mapping has no 'kind'; valid kinds are {string.Join(", ", ImportKinds.All)}{hint}");
    }

    public static MappingException Describe(string where, string json, JsonException ex)
    {
        var at = ex.LineNumber is { } l ? $"line {l + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "";
        var path = ex.Path ?? "$";
        var prefix = at.Length > 0 ? $"{where}: {at} ({path.TrimStart('$').TrimStart('.')})" : where;

        if (UnknownMember().Match(ex.Message) is { Success: true } unknown)
        {
            var member = unknown.Groups[1].Value;
            var parent = path.EndsWith("." + member, StringComparison.OrdinalIgnoreCase) ? path[..^(member.Length + 1)] : path;
            var settings = TypeAt(parent) is { } type ? $"; valid settings here are {string.Join(", ", SettingNames(type))}" : "";
            return new MappingException($"{where}: {at}: '{member}' is not a mapping setting{settings}", ex);
        }

        if (TypeAt(path) is { IsEnum: true } enumType)
        {
            var found = ValueAt(json, path) ?? "?";
            var valid = string.Join(", ", Enum.GetNames(enumType).Select(n => n.ToLowerInvariant()));
            var what = enumType == typeof(FieldType) ? "type" : JsonNamingPolicy.CamelCase.ConvertName(enumType.Name);
            return new MappingException($"{prefix}: {what} '{found}' is not valid; valid {what}s are {valid}", ex);
        }

        if (TypeAt(path) is { } expected)
        {
            var found = ValueAt(json, path);
            return new MappingException($"{prefix}: expected {Describe(expected)}{(found is null ? "" : $" but found '{found}'")}", ex);
        }

        // Syntax errors: the reader's own words are about the text ("expected ',' or '}'"), keep them with the place.
        var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
        return new MappingException($"{(at.Length > 0 ? $"{where}: {at}" : where)}: {reason}", ex);
    }

    /// <summary>The type a JSON path (<c>$.fields[3].type</c>) lands on in the mapping, or null when unknown.</summary>
    internal static Type? TypeAt(string path)
    {
        var type = typeof(MappingFile);
        foreach (var segment in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[', 2)[0];
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            type = Element(property.PropertyType);
            if (segment.Contains('[', StringComparison.Ordinal) && type == property.PropertyType)
            {
                return null;
            }
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    internal static IEnumerable<string> SettingNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

    private static Type Element(Type type) =>
        type.IsGenericType && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1
            ? type.GetGenericArguments()[0]
            : type;

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "text",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(double) => "a number",
        _ when typeof(IEnumerable).IsAssignableFrom(type) => "a list [...]",
        _ => "an object {...}",
    };

    /// <summary>The raw text at a JSON path, for "found 'integer'".</summary>
    private static string? ValueAt(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var element = document.RootElement;
            foreach (var segment in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = segment.Split('[');
                if (!TryProperty(element, parts[0], out element))
                {
                    return null;
                }

                foreach (var index in parts.Skip(1))
                {
                    var i = int.Parse(index.TrimEnd(']'), CultureInfo.InvariantCulture);
                    if (element.ValueKind != JsonValueKind.Array || i >= element.GetArrayLength())
                    {
                        return null;
                    }

                    element = element[i];
                }
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }

        return false;
    }

    private static (int Line, int Column) Position(byte[] bytes, long index)
    {
        var line = 1;
        var lineStart = 0L;
        for (var i = 0L; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, (int)(index - lineStart) + 1);
    }

    private static string Raw(byte[] bytes, Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(bytes, (int)reader.TokenStartIndex, (int)Math.Min(20, bytes.Length - reader.TokenStartIndex)).Split([',', '\n', '}'])[0].Trim();

    [GeneratedRegex("'([^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();
}
