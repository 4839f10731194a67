using System.Text.Json.Nodes;

namespace JorgeCopilot.Channels.Teams;

/// <summary>
/// A deliberately small Adaptive Card 1.5 builder (the AdaptiveCards package is not available): only the elements
/// our cards use — TextBlock, FactSet, Table, ColumnSet, Action.Submit — each written with the property names and
/// enum values of the 1.5 schema, so a schema check in the tests covers everything we can emit.
/// </summary>
public sealed class AdaptiveCardBuilder
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];
    private string? _fallbackText;

    public AdaptiveCardBuilder Title(string text) => TextBlock(text, size: "Large", weight: "Bolder");

    public AdaptiveCardBuilder TextBlock(string text, string? size = null, string? weight = null, bool subtle = false, string? color = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        _body.Add(block);
        return this;
    }

    public AdaptiveCardBuilder FactSet(IEnumerable<(string Title, string Value)> facts)
    {
        var array = new JsonArray();
        foreach (var (title, value) in facts)
        {
            array.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }

        if (array.Count > 0)
        {
            _body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = array });
        }

        return this;
    }

    /// <summary>A 1.5 Table; the first row is styled as the header. Rows shorter than the header are padded.</summary>
    public AdaptiveCardBuilder Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var tableRows = new JsonArray { Row(columns, bold: true) };
        foreach (var row in rows)
        {
            tableRows.Add(Row([.. Enumerable.Range(0, columns.Count).Select(i => i < row.Count ? row[i] : "")], bold: false));
        }

        _body.Add(new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
            ["columns"] = new JsonArray([.. columns.Select(_ => (JsonNode)new JsonObject { ["width"] = 1 })]),
            ["rows"] = tableRows,
        });
        return this;
    }

    /// <summary>Side-by-side figures (e.g. low / estimate / high), each a small caption over a large value.</summary>
    public AdaptiveCardBuilder Figures(IEnumerable<(string Caption, string Value)> figures)
    {
        var columns = new JsonArray();
        foreach (var (caption, value) in figures)
        {
            columns.Add(new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "stretch",
                ["items"] = new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = caption, ["isSubtle"] = true, ["wrap"] = true, ["size"] = "Small" },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = value, ["weight"] = "Bolder", ["size"] = "Large", ["wrap"] = true },
                },
            });
        }

        if (columns.Count > 0)
        {
            _body.Add(new JsonObject { ["type"] = "ColumnSet", ["columns"] = columns });
        }

        return this;
    }

    /// <summary>An image from a URL or a <c>data:</c> URI (charts are embedded, so no image host is needed).</summary>
    public AdaptiveCardBuilder Image(string url, string altText)
    {
        _body.Add(new JsonObject { ["type"] = "Image", ["url"] = url, ["altText"] = altText, ["size"] = "Stretch" });
        return this;
    }

    public AdaptiveCardBuilder SubmitAction(string title, JsonObject data)
    {
        _actions.Add(new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data });
        return this;
    }

    /// <summary>Text shown by clients that cannot render the card (and read by screen readers on some).</summary>
    public AdaptiveCardBuilder FallbackText(string text)
    {
        _fallbackText = text;
        return this;
    }

    public JsonObject Build()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = _body.DeepClone(),
        };
        if (_actions.Count > 0)
        {
            card["actions"] = _actions.DeepClone();
        }

        if (_fallbackText is not null)
        {
            card["fallbackText"] = _fallbackText;
        }

        // Teams stretches cards to the message width only when asked; tables need the room.
        card["msteams"] = new JsonObject { ["width"] = "Full" };
        return card;
    }

    private static JsonObject Row(IEnumerable<string> cells, bool bold)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            var text = new JsonObject { ["type"] = "TextBlock", ["text"] = cell, ["wrap"] = true };
            if (bold)
            {
                text["weight"] = "Bolder";
            }

            array.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray { text } });
        }

        return new JsonObject { ["type"] = "TableRow", ["cells"] = array };
    }
}
