using JorgeCopilot.Core.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Infrastructure;

/// <summary>
/// The real host over HTTP. <paramref name="connectionString"/> null means "no configuration at all" (the embedded
/// default, which <see cref="IsolatedDataHome"/> keeps in a temp folder). <paramref name="settings"/> are configuration
/// keys (e.g. <c>Retraining:Tasks:0</c>) applied like environment settings.
/// </summary>
public sealed class JorgeApiFactory(string? connectionString, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public static async Task<JorgeApiFactory> ForStoreAsync(StoreProvider provider, Action<IServiceCollection>? services = null) =>
        new((await TestStores.CreateEmptyAsync(provider)).ConnectionString, services);

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
