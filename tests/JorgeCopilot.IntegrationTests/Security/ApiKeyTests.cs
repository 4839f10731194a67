using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JorgeCopilot.Api.Security;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Security;

/// <summary>One host on an empty SQLite store shared by the tests of the class; every test makes its own keys.</summary>
public sealed class ApiKeyHostFixture : IAsyncLifetime
{
    public JorgeApiFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class ApiKeyTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    private static readonly Uri TopLeads = new("/api/v1/leads/top", UriKind.Relative);
    private readonly JorgeApiFactory _factory = fixture.Factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_without_a_key_is_401_with_problem_details_saying_what_to_send()
    {
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync(TopLeads, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(ApiSecurityOptions.HeaderName);
    }

    [Fact]
    public async Task An_unknown_key_is_401()
    {
        using var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, ApiKeyStore.KeyPrefix + "not-a-key-anyone-made");

        using var response = await client.GetAsync(TopLeads, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_bot_key_reading_leads_is_403()
    {
        using var client = _factory.CreateClientWithScopes(ApiScopes.Bot);

        using var response = await client.GetAsync(TopLeads, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_read_key_recording_an_outcome_is_403()
    {
        using var client = _factory.CreateClientWithScopes(ApiScopes.Read);

        using var response = await client.PostAsJsonAsync("/api/v1/outcomes", new { key = "k-403", leadId = 1, converted = true }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bot_key_may_record_outcomes()
    {
        using var client = _factory.CreateClientWithScopes(ApiScopes.Bot);

        // Lead 1 does not exist in the empty store: 404 means the key got past authorization.
        using var response = await client.PostAsJsonAsync("/api/v1/outcomes", new { key = "k-bot", leadId = 1, converted = true }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoked_key_is_401()
    {
        var key = _factory.CreateKey(ApiScopes.Read);
        using var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, key.Secret);
        using var before = await client.GetAsync(TopLeads, Ct);
        before.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);

        (await _factory.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(key.Key.Id, Ct)).ShouldBeTrue();
        using var after = await client.GetAsync(TopLeads, Ct);

        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_records_its_last_use_and_the_store_holds_only_its_hash()
    {
        var key = _factory.CreateKey(ApiScopes.Read);
        using var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, key.Secret);

        using var response = await client.GetAsync(TopLeads, Ct);

        await using var db = _factory.Services.GetRequiredService<JorgeDbContextFactory>().CreateDbContext();
        var stored = db.ApiKeys.Single(k => k.Id == key.Key.Id);
        stored.LastUsedAt.ShouldNotBeNull();
        stored.Hash.ShouldNotContain(key.Secret);
        JsonSerializer.Serialize(stored).ShouldNotContain(key.Secret[ApiKeyStore.KeyPrefix.Length..]);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_OpenAPI_document_need_no_key(string path)
    {
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_api_key_scheme_on_api_v1_operations()
    {
        using var client = _factory.CreateAnonymousClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));

        var scheme = json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("type").GetString().ShouldBe("apiKey");
        scheme.GetProperty("name").GetString().ShouldBe(ApiSecurityOptions.HeaderName);
        json.RootElement.GetProperty("paths").GetProperty("/api/v1/leads/top").GetProperty("get").GetProperty("security").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_it_is_read()
    {
        using var client = _factory.CreateClientWithScopes(ApiScopes.Read);
        using var content = new StringContent(new string('x', (1 << 20) + 1), System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/chat", UriKind.Relative), content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_over_its_rate_is_429_with_Retry_After_while_another_key_is_served()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new JorgeApiFactory((await TestStores.CreateEmptyAsync(StoreProvider.Sqlite)).ConnectionString,
            settings: new Dictionary<string, string> { ["ApiSecurity:PermitsPerSecond"] = "1", ["ApiSecurity:Burst"] = "3" });
        using var busy = factory.CreateClientWithScopes(ApiScopes.Read);
        using var quiet = factory.CreateClientWithScopes(ApiScopes.Read);
        var uri = new Uri("/api/v1/models", UriKind.Relative);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await busy.GetAsync(uri, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        limited.ShouldNotBeNull($"never limited: {string.Join(", ", statuses)}");
        using (limited)
        {
            limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
            limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        using var other = await quiet.GetAsync(uri, ct);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
