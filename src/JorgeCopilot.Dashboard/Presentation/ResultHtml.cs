using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JorgeCopilot.Agent.Rendering;
using Microsoft.AspNetCore.Html;

namespace JorgeCopilot.Dashboard.Presentation;

/// <summary>
/// Renders a capability's result record as HTML from its shape, the way the channels render answers: scalar
/// properties as a definition list, lists of records as tables, a property named <c>Chart</c> as a PNG. A page can show
/// any capability's result without knowing its type, so a new field appears on the dashboard without a page change.
/// Every text is HTML-encoded.
/// </summary>
public static class ResultHtml
{
    private const int MaxRows = 50;
    private const int MaxDepth = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    public static IHtmlContent Render(object? result)
    {
        if (result is null)
        {
            return new HtmlString("<p class=\"muted\">Nothing to show.</p>");
        }

        var html = new StringBuilder();
        Write(html, JsonSerializer.SerializeToElement(result, result.GetType(), Json), 0);
        return new HtmlString(html.ToString());
    }

    /// <summary>A chart as an inline PNG (<c>img</c> with a data URI, no extra request, nothing cached by the service worker).</summary>
    public static IHtmlContent Chart(AnswerChart chart) =>
        new HtmlString($"<img class=\"chart\" alt=\"{Encode.Encode(chart.Title)}\" src=\"{ChartImage.DataUri(chart)}\" />");

    private static void Write(StringBuilder html, JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(html, value, depth);
                break;
            case JsonValueKind.Array when value.EnumerateArray().Any() && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object):
                WriteTable(html, value);
                break;
            case JsonValueKind.Array:
                html.Append(Encode.Encode(string.Join(", ", value.EnumerateArray().Take(MaxRows).Select(Scalar))));
                break;
            default:
                html.Append(Encode.Encode(Scalar(value)));
                break;
        }
    }

    private static void WriteObject(StringBuilder html, JsonElement value, int depth)
    {
        var scalars = value.EnumerateObject().Where(p => IsScalar(p.Value)).ToList();
        if (scalars.Count > 0)
        {
            html.Append("<dl class=\"kv\">");
            foreach (var p in scalars)
            {
                html.Append("<dt>").Append(Encode.Encode(Label(p.Name))).Append("</dt><dd>").Append(Encode.Encode(Scalar(p.Value))).Append("</dd>");
            }

            html.Append("</dl>");
        }

        foreach (var p in value.EnumerateObject().Where(p => !IsScalar(p.Value)))
        {
            if (string.Equals(p.Name, "chart", StringComparison.OrdinalIgnoreCase) && ChartFrom(p.Value, null) is { } chart)
            {
                html.Append(Chart(chart));
                continue;
            }

            if (depth >= MaxDepth || p.Value.ValueKind is JsonValueKind.Null || (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 0))
            {
                continue;
            }

            html.Append("<h2>").Append(Encode.Encode(Label(p.Name))).Append("</h2>");
            Write(html, p.Value, depth + 1);
        }
    }

    private static void WriteTable(StringBuilder html, JsonElement rows)
    {
        var columns = rows.EnumerateArray().First().EnumerateObject().Where(p => IsScalar(p.Value) || p.Value.ValueKind == JsonValueKind.Array).Select(p => p.Name).ToList();
        html.Append("<div class=\"scroll\"><table class=\"wide\"><thead><tr>");
        foreach (var c in columns)
        {
            html.Append("<th>").Append(Encode.Encode(Label(c))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows.EnumerateArray().Take(MaxRows))
        {
            html.Append("<tr>");
            foreach (var c in columns)
            {
                var cell = row.TryGetProperty(c, out var v) ? v : default;
                var numeric = cell.ValueKind == JsonValueKind.Number;
                html.Append(numeric ? "<td class=\"num\"" : "<td").Append(" data-label=\"").Append(Encode.Encode(Label(c))).Append("\">");
                html.Append(Encode.Encode(cell.ValueKind == JsonValueKind.Array ? string.Join(", ", cell.EnumerateArray().Select(Scalar)) : Scalar(cell))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        if (rows.GetArrayLength() > MaxRows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">First {MaxRows} of {rows.GetArrayLength()} rows.</p>");
        }
    }

    /// <summary>
    /// Reads either chart shape the capabilities return: <c>ChartData</c> (title, x, named series, optional band) or a
    /// forecast fan (x, median, lower/upper 80%) into the channels' <see cref="AnswerChart"/>.
    /// </summary>
    public static AnswerChart? ChartFrom(JsonElement chart, string? title)
    {
        if (chart.ValueKind != JsonValueKind.Object || !chart.TryGetProperty("x", out var x) || x.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var labels = x.EnumerateArray().Select(e => e.ToString()).ToList();
        IReadOnlyList<double>? Numbers(string name) => chart.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN).ToList() : null;
        var heading = chart.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : title ?? "";
        var yLabel = chart.TryGetProperty("yLabel", out var y) && y.ValueKind == JsonValueKind.String ? y.GetString()
            : chart.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        Dictionary<string, IReadOnlyList<double>> series = [];
        if (chart.TryGetProperty("series", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in s.EnumerateObject())
            {
                series[p.Name] = [.. p.Value.EnumerateArray().Select(e => e.GetDouble())];
            }
        }
        else if (Numbers("median") is { } median)
        {
            series["median"] = median;
        }

        return series.Count == 0 ? null : new AnswerChart(heading, labels, series, "dashboard") { Lower = Numbers("lower"), Upper = Numbers("upper"), YLabel = yLabel };
    }

    private static bool IsScalar(JsonElement e) => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined;

    public static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt64(out var whole) => whole.ToString("N0", CultureInfo.InvariantCulture),
        JsonValueKind.Number => Number(e.GetDouble()),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.String => e.GetString() ?? "",
        _ => e.ToString(),
    };

    /// <summary>Shares (0–1) stay as written; large amounts get thousands separators; small ones four significant digits.</summary>
    public static string Number(double v) => Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"medianDaysToClose" → "Median days to close".</summary>
    public static string Label(string name)
    {
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(i == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.Replace('_', ' ').ToString();
    }
}
