using System.Text.Json.Nodes;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// The subset of the Adaptive Cards 1.5 schema our cards use, checked strictly: known element and action types
/// only, only the properties the schema defines for them, enum values from the schema, required fields present,
/// table rows as wide as their columns, and Teams' ~28 KB message limit.
/// </summary>
internal static class AdaptiveCardSchemaRules
{
    private static readonly Dictionary<string, string[]> ElementProperties = new()
    {
        ["TextBlock"] = ["type", "text", "wrap", "size", "weight", "isSubtle", "color", "separator", "spacing", "horizontalAlignment", "maxLines"],
        ["FactSet"] = ["type", "facts", "separator", "spacing"],
        ["Table"] = ["type", "columns", "rows", "firstRowAsHeader", "showGridLines", "separator", "spacing"],
        ["ColumnSet"] = ["type", "columns", "separator", "spacing"],
        ["Image"] = ["type", "url", "altText", "size", "separator", "spacing"],
    };

    private static readonly Dictionary<string, string[]> Enums = new()
    {
        ["size"] = ["Default", "Small", "Medium", "Large", "ExtraLarge"],
        ["weight"] = ["Default", "Lighter", "Bolder"],
        ["color"] = ["Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention"],
    };

    private static readonly Dictionary<string, string[]> ImageEnums = new()
    {
        ["size"] = ["Auto", "Stretch", "Small", "Medium", "Large"],
    };

    public static IReadOnlyList<string> Validate(JsonObject card)
    {
        var errors = new List<string>();
        Expect(errors, card["type"]?.GetValue<string>() == "AdaptiveCard", "root type must be AdaptiveCard");
        Expect(errors, card["version"]?.GetValue<string>() == "1.5", "version must be 1.5");
        Expect(errors, card["$schema"] is JsonValue, "$schema missing");
        OnlyProperties(errors, "AdaptiveCard", card, ["type", "$schema", "version", "body", "actions", "fallbackText", "msteams", "speak", "lang"]);
        if (card["body"] is not JsonArray { Count: > 0 } body)
        {
            errors.Add("body must be a non-empty array");
        }
        else
        {
            foreach (var element in body)
            {
                ValidateElement(errors, element as JsonObject, "body");
            }
        }

        if (card["actions"] is JsonArray actions)
        {
            foreach (var action in actions.OfType<JsonObject>())
            {
                var type = action["type"]?.GetValue<string>();
                Expect(errors, type is "Action.Submit" or "Action.Execute", $"unsupported action type {type}");
                OnlyProperties(errors, type ?? "action", action, ["type", "title", "data", "verb", "id"]);
                Expect(errors, !string.IsNullOrWhiteSpace(action["title"]?.GetValue<string>()), "action without title");
                Expect(errors, action["data"] is JsonObject, "action data must be an object");
            }
        }

        Expect(errors, card.ToJsonString().Length < 28_000, "card exceeds Teams' 28 KB limit");
        return errors;
    }

    private static void ValidateElement(List<string> errors, JsonObject? element, string path)
    {
        if (element is null)
        {
            errors.Add($"{path}: element is not an object");
            return;
        }

        var type = element["type"]?.GetValue<string>() ?? "";
        if (!ElementProperties.TryGetValue(type, out var allowed))
        {
            errors.Add($"{path}: unknown element type '{type}'");
            return;
        }

        OnlyProperties(errors, $"{path}/{type}", element, allowed);
        foreach (var (name, values) in type == "Image" ? ImageEnums : Enums)
        {
            if (element[name] is JsonValue value)
            {
                Expect(errors, values.Contains(value.GetValue<string>()), $"{path}/{type}: {name} '{value}' is not in the schema");
            }
        }

        switch (type)
        {
            case "TextBlock":
                Expect(errors, element["text"] is JsonValue t && !string.IsNullOrWhiteSpace(t.GetValue<string>()), $"{path}/TextBlock: empty text");
                break;
            case "FactSet":
                var facts = element["facts"] as JsonArray;
                Expect(errors, facts is { Count: > 0 }, $"{path}/FactSet: no facts");
                foreach (var fact in facts?.OfType<JsonObject>() ?? [])
                {
                    OnlyProperties(errors, $"{path}/Fact", fact, ["title", "value"]);
                    Expect(errors, fact["title"] is JsonValue && fact["value"] is JsonValue, $"{path}/Fact: title and value must be strings");
                }

                break;
            case "Table":
                var columns = element["columns"] as JsonArray;
                Expect(errors, columns is { Count: > 0 }, $"{path}/Table: no columns");
                foreach (var column in columns?.OfType<JsonObject>() ?? [])
                {
                    OnlyProperties(errors, $"{path}/TableColumnDefinition", column, ["width", "horizontalCellContentAlignment", "verticalCellContentAlignment"]);
                }

                foreach (var row in (element["rows"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    Expect(errors, row["type"]?.GetValue<string>() == "TableRow", $"{path}/Table: row type must be TableRow");
                    var cells = row["cells"] as JsonArray;
                    Expect(errors, cells?.Count == columns?.Count, $"{path}/Table: row has {cells?.Count} cells for {columns?.Count} columns");
                    foreach (var cell in cells?.OfType<JsonObject>() ?? [])
                    {
                        Expect(errors, cell["type"]?.GetValue<string>() == "TableCell", $"{path}/Table: cell type must be TableCell");
                        foreach (var item in cell["items"] as JsonArray ?? [])
                        {
                            ValidateElement(errors, item as JsonObject, $"{path}/TableCell");
                        }
                    }
                }

                break;
            case "Image":
                Expect(errors, element["url"] is JsonValue u && (u.GetValue<string>().StartsWith("https://", StringComparison.Ordinal)
                    || u.GetValue<string>().StartsWith("data:image/png;base64,", StringComparison.Ordinal)), $"{path}/Image: url must be https or a PNG data URI");
                break;
            case "ColumnSet":
                foreach (var column in (element["columns"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    Expect(errors, column["type"]?.GetValue<string>() == "Column", $"{path}/ColumnSet: column type must be Column");
                    OnlyProperties(errors, $"{path}/Column", column, ["type", "width", "items"]);
                    foreach (var item in column["items"] as JsonArray ?? [])
                    {
                        ValidateElement(errors, item as JsonObject, $"{path}/Column");
                    }
                }

                break;
        }
    }

    private static void OnlyProperties(List<string> errors, string where, JsonObject obj, string[] allowed)
    {
        foreach (var (name, _) in obj)
        {
            Expect(errors, allowed.Contains(name), $"{where}: property '{name}' is not in the schema subset");
        }
    }

    private static void Expect(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }
}
