using System.CommandLine;
using System.Globalization;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Forecasting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge forecast [revenue|market]</c>: the forecast as a table plus a fan chart PNG.</summary>
internal static class ForecastCommand
{
    public static Command Create(CliHost host)
    {
        var what = new Argument<string>("what") { Description = "revenue (Jorge's commission) or market (a metro's home sales)", DefaultValueFactory = _ => "revenue" };
        var months = new Option<int>("--months") { Description = "Months ahead (1–24)", DefaultValueFactory = _ => 6 };
        var region = new Option<string?>("--region") { Description = "Metro for market forecasts (default Seattle, WA)" };
        var output = new Option<string>("--out") { Description = "Fan chart PNG path", DefaultValueFactory = _ => "forecast.png" };
        var command = new Command("forecast", "Forecast Jorge's commission income or a metro's home sales, with 80%/95% ranges and a fan chart") { what, months, region, output };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(ct);
            var service = host.Services.GetRequiredService<ForecastingService>();
            var path = Path.GetFullPath(pr.GetValue(output)!);
            ForecastChart chart;
            string title;
            string provenance;
            if (string.Equals(pr.GetValue(what), "market", StringComparison.OrdinalIgnoreCase))
            {
                var outcome = await service.ForecastMarketAsync(pr.GetValue(region), pr.GetValue(months), ct);
                if (outcome.Value is not { } market)
                {
                    AnsiConsole.MarkupLine($"[red]{Markup.Escape(outcome.Message ?? "failed")}[/]");
                    return 1;
                }

                (chart, title, provenance) = (market.Chart, $"{market.Region}: monthly home sales after {market.LastKnownMonth}", market.Provenance);
            }
            else
            {
                var outcome = await service.ForecastRevenueAsync(pr.GetValue(months), ct);
                if (outcome.Value is not { } revenue)
                {
                    AnsiConsole.MarkupLine($"[red]{Markup.Escape(outcome.Message ?? "failed")}[/]");
                    return 1;
                }

                (chart, title, provenance) = (revenue.Chart, $"Jorge's commission income after {revenue.AsOf}", revenue.Provenance);
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"Total over {revenue.Months.Count} months: ${revenue.TotalMedian:N0} (80%: ${revenue.TotalLow80:N0}–${revenue.TotalHigh80:N0}); {revenue.OpenDeals} open deals.")));
            }

            var table = new Table().AddColumns("month", "median", "80% low", "80% high", "95% low", "95% high");
            for (var i = 0; i < chart.X.Count; i++)
            {
                table.AddRow(chart.X[i], Format(chart.Median[i]), Format(chart.Lower[i]), Format(chart.Upper[i]), Format(chart.Lower95[i]), Format(chart.Upper95[i]));
            }

            AnsiConsole.Write(table);
            ForecastCharts.FromChart(chart, title, path);
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(provenance)}[/]");
            AnsiConsole.MarkupLine($"Fan chart: [link]{Markup.Escape(path)}[/]");
            return 0;
        });
        return command;
    }

    private static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
