using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary>The bots' REST contract through the real host.</summary>
public sealed class VariantsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_bot_gets_variants_reports_an_outcome_twice_and_the_experiment_counts_it_once(StoreProvider provider)
    {
        await using var api = await JorgeApiFactory.ForStoreAsync(provider);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/variants",
            new { context = new { firstName = "Ana", temperature = "hot", stage = "qualified", intent = "seller" }, count = 3, goal = "appointment" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var set = await Json(response);
        set.GetProperty("segment").GetString().ShouldBe("temperature=hot|stage=qualified");
        var variants = set.GetProperty("variants").EnumerateArray().ToList();
        variants.Count.ShouldBe(3);
        variants.ShouldAllBe(v => v.GetProperty("propensity").GetDouble() > 0 && v.GetProperty("armId").GetInt64() > 0);
        var servedId = variants[0].GetProperty("servedId").GetString();

        var first = await Json(await client.PostAsJsonAsync($"/api/v1/variants/{servedId}/outcome", new { outcome = "appointment" }, Ct));
        var again = await Json(await client.PostAsJsonAsync($"/api/v1/variants/{servedId}/outcome", new { outcome = "appointment" }, Ct));
        first.GetProperty("counted").GetBoolean().ShouldBeTrue();
        again.GetProperty("counted").GetBoolean().ShouldBeFalse();

        var experiments = await Json(await client.GetAsync("/api/v1/experiments?name=default-appointment", Ct));
        var experiment = experiments.GetProperty("experiments")[0];
        experiment.GetProperty("trials").GetInt64().ShouldBe(1);
        experiment.GetProperty("successes").GetInt64().ShouldBe(1);
        experiment.GetProperty("arms").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public async Task Bad_requests_and_unknown_ids_are_problem_details()
    {
        await using var api = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = api.CreateClient();

        (await client.PostAsJsonAsync("/api/v1/variants", new { count = 3 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/v1/variants", new { leadId = 987654, count = 3 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync("/api/v1/variants", new { context = new { firstName = "Ana" }, count = 40 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync($"/api/v1/variants/{Guid.NewGuid()}/outcome", new { outcome = "reply" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var invalid = await client.PostAsJsonAsync($"/api/v1/variants/{Guid.NewGuid()}/outcome", new { outcome = "maybe" }, Ct);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
}
