using System.Net;
using System.Text.Json;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.Host;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_is_served()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        json.RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.");
        json.RootElement.GetProperty("info").GetProperty("title").GetString().ShouldBe("JorgeCopilot API");
        json.RootElement.TryGetProperty("paths", out _).ShouldBeTrue();
    }
}
