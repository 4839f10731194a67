using System.Text.Json;
using JorgeCopilot.Dashboard.Presentation;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.AspNetCore.Html;

namespace JorgeCopilot.UnitTests.Dashboard;

/// <summary>Results rendered from their shape: encoded text, tables for lists of records, charts as PNGs.</summary>
public sealed class ResultHtmlTests
{
    private sealed record Row(string Name, double Share);

    private sealed record Result(string Title, int Count, IReadOnlyList<Row> Rows, ChartData? Chart);

    [Fact]
    public void Text_from_a_result_is_html_encoded()
    {
        var html = Html(new Result("<script>alert(1)</script>", 1, [], null));

        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void A_list_of_records_becomes_a_table_with_a_row_per_record_and_labelled_cells()
    {
        var html = Html(new Result("t", 2, [new Row("a", 0.25), new Row("b", 0.5)], null));

        html.Split("<tr>").Length.ShouldBe(4); // header + two rows (+ the text before the first)
        html.ShouldContain("data-label=\"Share\">0.25</td>");
    }

    [Fact]
    public void A_chart_property_is_drawn_as_an_inline_png()
    {
        var chart = new ChartData("Homes sold", ["2015-01", "2015-02", "2015-03"], new Dictionary<string, IReadOnlyList<double>> { ["sold"] = [1, 2, 3] });

        var html = Html(new Result("t", 0, [], chart));

        html.ShouldContain("<img class=\"chart\" alt=\"Homes sold\" src=\"data:image/png;base64,");
    }

    [Fact]
    public void A_forecast_fan_is_read_as_a_median_line_with_its_80_percent_band()
    {
        var fan = JsonSerializer.SerializeToElement(new { x = new[] { "2015-06", "2015-07" }, median = new[] { 10.0, 12 }, lower = new[] { 8.0, 9 }, upper = new[] { 12.0, 15 }, unit = "USD" });

        var chart = ResultHtml.ChartFrom(fan, "Forecast")!;

        chart.Series["median"].ShouldBe([10.0, 12]);
        chart.Lower.ShouldBe([8.0, 9]);
        chart.Upper.ShouldBe([12.0, 15]);
        chart.YLabel.ShouldBe("USD");
    }

    [Theory]
    [InlineData("medianDaysToClose", "Median days to close")]
    [InlineData("auc", "Auc")]
    [InlineData("top_decile_lift", "Top decile lift")]
    public void Property_names_read_as_words(string name, string label) => ResultHtml.Label(name).ShouldBe(label);

    [Fact]
    public void The_menu_lists_only_pages_whose_capability_is_installed()
    {
        ICapability[] installed = [new JorgeCopilot.Intelligence.LeadScoring.LeadScoringCapability()];

        var paths = DashboardNav.Visible(installed).Select(e => e.Path).ToList();

        paths.ShouldBe(["/dashboard/leads", "/dashboard/visit", "/dashboard/model", "/dashboard/chat"]);
    }

    private static string Html(object result)
    {
        using var writer = new StringWriter();
        ResultHtml.Render(result).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
