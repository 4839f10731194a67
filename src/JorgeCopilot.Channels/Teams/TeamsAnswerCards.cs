using System.Globalization;
using System.Text.Json.Nodes;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Channels.Teams;

/// <summary>
/// Turns a <see cref="StructuredAnswer"/> into the Adaptive Card for its <see cref="StructuredAnswer.Kind"/>:
/// a ranked-leads table, a score with its reasons, a price range or days to sell (with comparables), a list of
/// opportunities, market trends, or plain text. The kinds are the agent's own (AnswerComposer: "ranked-leads",
/// "lead-score", "score-explanation", "price-range", "days-to-sell", "property-list", "market-trends"). Buttons carry
/// <c>{ verb, text }</c>; Teams sends them back as a message with that value (Action.Submit) or as an
/// <c>adaptiveCard/action</c> invoke, and both are handled by the turn processor.
/// </summary>
public static class TeamsAnswerCards
{
    public const int MaxTableRows = 12;

    public static JsonObject Render(StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var card = new AdaptiveCardBuilder().FallbackText(answer.Text);
        switch (answer.Kind)
        {
            case "ranked-leads":
                card.Title("Hottest leads").TextBlock(answer.Text);
                AddTable(card, answer.Table);
                card.FactSet(Facts(answer));
                break;
            case "lead-score":
            case "score-explanation":
                card.Title(answer.Kind == "lead-score" ? "Lead score" : "Why this score");
                card.Figures(answer.Facts.Take(3).Select(f => (f.Label, f.Value)));
                card.TextBlock(answer.Text);
                card.FactSet(Facts(answer).Skip(3));
                if (answer.Table is not null)
                {
                    card.TextBlock("Reasons", weight: "Bolder", separator: true);
                    AddTable(card, answer.Table);
                }

                break;
            case "price-range":
            case "days-to-sell":
                // The headline numbers (value or list price and its range; days) as large figures, the rest as facts.
                var figures = answer.Kind == "price-range" ? 3 : 2;
                card.Title(answer.Kind == "price-range" ? "Price range" : "Days to sell");
                card.Figures(answer.Facts.Take(figures).Select(f => (f.Label, f.Value)));
                card.TextBlock(answer.Text);
                card.FactSet(Facts(answer).Skip(figures));
                if (answer.Table is not null)
                {
                    card.TextBlock(answer.Kind == "price-range" ? "Comparable sales" : "Details", weight: "Bolder", separator: true);
                    AddTable(card, answer.Table);
                }

                break;
            case "property-list":
                card.Title("Opportunities").TextBlock(answer.Text);
                AddTable(card, answer.Table);
                card.FactSet(Facts(answer));
                break;
            case "market-trends":
                card.Title(answer.Chart?.Title ?? "Market trends").TextBlock(answer.Text);
                card.FactSet(Facts(answer));
                if (answer.Chart is not null)
                {
                    AddChartTable(card, answer.Chart);
                }
                else
                {
                    AddTable(card, answer.Table);
                }

                break;
            default:
                card.TextBlock(answer.Text);
                card.FactSet(Facts(answer));
                AddTable(card, answer.Table);
                break;
        }

        foreach (var action in ActionsFor(answer))
        {
            card.SubmitAction(action.Title, new JsonObject { ["verb"] = VerbOf(action), ["text"] = action.Text });
        }

        return card.Build();
    }

    /// <summary>The answer's own follow-ups, or the standard next steps for its kind when it brought none.</summary>
    public static IReadOnlyList<SuggestedAction> ActionsFor(StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Actions.Count > 0)
        {
            return answer.Actions;
        }

        return answer.Kind switch
        {
            // Phrased as the offline planner's own follow-ups, which it resolves against the answer just given; no
            // drafting button until the agent has a tool that drafts (it would only rank again).
            "ranked-leads" => [new("Why is the first hot?", "explain the first one"), new("Score the first", "score the first one")],
            "lead-score" => [new("Why?", "explain that score")],
            // Pricing next steps, worded as the planner's own pricing utterances (prompts/planner/pricing.jsonl).
            "price-range" or "days-to-sell" => [new("Market trends", "housing market trends"), new("Undervalued homes", "find undervalued homes")],
            "property-list" => [new("Market trends", "housing market trends")],
            "market-trends" => [new("Investment alerts", "show investment alerts"), new("Undervalued homes", "find undervalued homes")],
            _ => [],
        };
    }

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

    private static IEnumerable<(string, string)> Facts(StructuredAnswer answer) => answer.Facts.Select(f => (f.Label, f.Value));

    private static void AddTable(AdaptiveCardBuilder card, AnswerTable? table)
    {
        if (table is { Columns.Count: > 0 })
        {
            card.Table(table.Columns, table.Rows.Take(MaxTableRows));
        }
    }

    private static void AddChartTable(AdaptiveCardBuilder card, AnswerChart chart)
    {
        var names = chart.Series.Keys.ToList();
        var columns = new List<string> { "Period" };
        columns.AddRange(names);
        var hasBand = chart.Lower is not null && chart.Upper is not null;
        if (hasBand)
        {
            columns.Add("Low");
            columns.Add("High");
        }

        // The most recent points matter most to Jorge; the card keeps the tail of the series.
        var start = Math.Max(0, chart.X.Count - MaxTableRows);
        var rows = new List<IReadOnlyList<string>>();
        for (var i = start; i < chart.X.Count; i++)
        {
            var row = new List<string> { chart.X[i] };
            row.AddRange(names.Select(n => i < chart.Series[n].Count ? Format(chart.Series[n][i]) : ""));
            if (hasBand)
            {
                row.Add(i < chart.Lower!.Count ? Format(chart.Lower[i]) : "");
                row.Add(i < chart.Upper!.Count ? Format(chart.Upper[i]) : "");
            }

            rows.Add(row);
        }

        card.Table(columns, rows);
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "" : value.ToString(Math.Abs(value) >= 100 ? "#,##0" : "#,##0.##", CultureInfo.InvariantCulture);
}
