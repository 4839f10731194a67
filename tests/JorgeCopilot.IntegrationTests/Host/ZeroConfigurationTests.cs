using System.Net;
using System.Text.Json;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.Host;

public sealed class ZeroConfigurationTests
{
    [Fact]
    public async Task The_host_starts_with_no_configuration_on_the_embedded_sqlite_default()
    {
        await using var factory = new JorgeApiFactory(connectionString: null);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var store = json.RootElement.GetProperty("checks").GetProperty("store").GetProperty("data");
        store.GetProperty("provider").GetString().ShouldBe("sqlite");
        store.GetProperty("embeddedDefault").GetBoolean().ShouldBeTrue();
        // The default lives in the (redirected) user data folder, never in the repository or the real home.
        File.Exists(Path.Combine(IsolatedDataHome.Directory, "jorge-copilot", "jorge.db")).ShouldBeTrue();
    }
}
