using JorgeCopilot.Api.Security;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Infrastructure;

/// <summary>
/// The real host over HTTP. <paramref name="connectionString"/> null means "no configuration at all" (the embedded
/// default, which <see cref="IsolatedDataHome"/> keeps in a temp folder). <paramref name="settings"/> are configuration
/// keys (e.g. <c>Retraining:Tasks:0</c>) applied like environment settings.
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> sends an API key with every scope, created in the
/// host's store the way <c>jorge apikey create</c> does (not on the embedded default, which writes its own); <see cref="CreateClientWithScopes"/> and
/// <see cref="CreateAnonymousClient"/> are for the tests of the keys themselves.
/// </summary>
public sealed class JorgeApiFactory(string? connectionString, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly Lock _keyLock = new();
    private string? _fullKey;

    public static async Task<JorgeApiFactory> ForStoreAsync(StoreProvider provider, Action<IServiceCollection>? services = null) =>
        new((await TestStores.CreateEmptyAsync(provider)).ConnectionString, services);

    /// <summary>A client sending a new key with exactly these scopes.</summary>
    public HttpClient CreateClientWithScopes(params string[] scopes)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, CreateKey(scopes).Secret);
        return client;
    }

    /// <summary>A client sending no API key.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Remove(ApiSecurityOptions.HeaderName);
        return client;
    }

    /// <summary>A new key in the host's store (the host is started first, so its store is migrated).</summary>
    public CreatedApiKey CreateKey(params string[] scopes)
    {
        _ = Server;
        return Services.GetRequiredService<ApiKeyStore>().CreateAsync("integration test", scopes, CancellationToken.None).GetAwaiter().GetResult();
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        // The embedded default writes its own key for the local user (the fresh-start test reads that one); creating
        // another here would also wait behind first-start seeding, which holds SQLite's write lock.
        if (Services.GetRequiredService<StoreConnection>().IsEmbeddedDefault)
        {
            return;
        }

        lock (_keyLock)
        {
            _fullKey ??= CreateKey([.. ApiScopes.All]).Secret;
        }

        client.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, _fullKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Test output should show failures, not every host start-up line.
        // (A setting, because appsettings.json's LogLevel:Default would win over SetMinimumLevel.)
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "Critical");
        if (connectionString is not null)
        {
            // UseSetting lands in host configuration, which Program reads while composing (ConfigureAppConfiguration would be too late).
            builder.UseSetting($"ConnectionStrings:{StoreConnection.ConnectionStringName}", connectionString);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
