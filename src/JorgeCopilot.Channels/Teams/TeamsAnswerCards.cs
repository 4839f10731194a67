using System.Text.Json.Nodes;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Channels.Teams;

/// <summary>
/// Builds the Adaptive Card for any <see cref="StructuredAnswer"/> from its shape, never its kind: the title the
/// capability declared, its headline figures large, the text, the remaining facts, the table under its caption, the
/// chart as a linked image (Teams messages cannot carry one inline: about 28 KB in all), and the follow-ups as buttons. Buttons carry <c>{ verb, text }</c>; Teams sends them back
/// as a message with that value (Action.Submit) or as an <c>adaptiveCard/action</c> invoke, and both are handled by
/// the turn processor.
/// </summary>
public static class TeamsAnswerCards
{
    public const int MaxTableRows = 12;


    /// <param name="publicBaseUrl">The host's public address; charts become linked images under it, else tables.</param>
    public static JsonObject Render(StructuredAnswer answer, Uri? publicBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var card = new AdaptiveCardBuilder().FallbackText(answer.Text);
        if (answer.Title is { Length: > 0 } title)
        {
            card.Title(title);
        }

        var figures = Math.Min(answer.HeadlineFigures, answer.Facts.Count);
        if (figures > 0)
        {
            card.Figures(answer.Facts.Take(figures).Select(f => (f.Label, f.Value)));
        }

        card.TextBlock(answer.Text);
        card.FactSet(answer.Facts.Skip(figures).Select(f => (f.Label, f.Value)));
        if (answer.Table is { Columns.Count: > 0 } table)
        {
            if (answer.TableTitle is { Length: > 0 } caption)
            {
                card.TextBlock(caption, weight: "Bolder", separator: true);
            }

            card.Table(table.Columns, table.Rows.Take(MaxTableRows));
        }

        if (answer.Chart is { } chart)
        {
            if (publicBaseUrl is not null && ChartToken.Encode(chart).Length <= ChartToken.MaxLength)
            {
                card.Image(ChartEndpoints.Link(publicBaseUrl, chart).AbsoluteUri, chart.Title);
            }
            else
            {
                AddChartTable(card, chart);
            }
        }

        foreach (var action in answer.Actions)
        {
            card.SubmitAction(action.Title, new JsonObject { ["verb"] = VerbOf(action), ["text"] = action.Text });
        }

        return card.Build();
    }

    private static void AddChartTable(AdaptiveCardBuilder card, AnswerChart chart)
    {
        var names = chart.Series.Keys.ToList();
        var hasBand = chart.Lower is not null && chart.Upper is not null;
        List<string> columns = ["Period", .. names, .. hasBand ? new[] { "Low", "High" } : []];
        var rows = new List<IReadOnlyList<string>>();
        // The most recent points matter most to Jorge; the card keeps the tail of the series.
        for (var i = Math.Max(0, chart.X.Count - MaxTableRows); i < chart.X.Count; i++)
        {
            List<string> row = [chart.X[i], .. names.Select(n => Format(chart.Series[n][i]))];
            if (hasBand)
            {
                row.Add(Format(chart.Lower![i]));
                row.Add(Format(chart.Upper![i]));
            }

            rows.Add(row);
        }

        card.TextBlock(chart.Title, weight: "Bolder", separator: true);
        card.Table(columns, rows);
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "" : value.ToString(Math.Abs(value) >= 100 ? "#,##0" : "#,##0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"explain", "draft-follow-ups" or "ask": what the button does, so handlers and logs need not parse titles.</summary>
    public static string VerbOf(SuggestedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var words = (action.Title + " " + action.Text).ToLowerInvariant();
        if (words.Contains("explain", StringComparison.Ordinal))
        {
            return "explain";
        }

        return words.Contains("follow", StringComparison.Ordinal) ? "draft-follow-ups" : "ask";
    }
}
