using System.Net;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.Agent;

public sealed class ChartEndpointTests
{
    private static readonly AnswerChart Chart = new("Homes sold per month", ["2025-01", "2025-02", "2025-03"],
        new Dictionary<string, IReadOnlyList<double>> { ["Homes sold"] = [3_120, 3_410, 4_520] }, "Market.market_trends");

    [Fact]
    public async Task A_chart_link_draws_its_png_without_credentials()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/charts/{ChartToken.Encode(Chart)}.png", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
    }

    [Fact]
    public async Task A_malformed_chart_link_is_a_problem_not_a_crash()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/charts/not-a-chart.png", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
