using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using JorgeCopilot.Agent;
using JorgeCopilot.Api.Security;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.LeadScoring;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// The real host (Program) on a real loopback port with Kestrel and the host's own copilot (offline planner, real
/// plugins) behind a <see cref="RecordingCopilot"/>. Its store is, by default, a private copy of the trained
/// <see cref="CopilotWorkspace"/>; a connection string instead gives a freshly migrated (empty) store of that provider.
/// A decorator around the real copilot (<see cref="FaultInjectingCopilot"/>) is added only where a test needs control
/// the real one cannot give.
/// Settings are passed as configuration, exactly as an operator would set them.
/// </summary>
public sealed class ChannelsHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFile;
    private readonly Func<ICopilot, ICopilot>? _decorate;

    /// <summary>What the host's copilot was asked and answered.</summary>
    public RecordingCopilot Copilot { get; private set; } = null!;

    public IBotTokenProvider? TokenProvider { get; init; }

    public string BaseUrl { get; }

    public string MessagesUrl => BaseUrl + "/api/messages";

    public string ConnectionString { get; }

    /// <summary>An API key with every scope, for the host's REST API.</summary>
    public string ApiKey { get; private set; } = "";

    private ChannelsHost(Dictionary<string, string?> settings, string connectionString, string? sqliteFile, Func<ICopilot, ICopilot>? decorate)
    {
        _settings = settings;
        _sqliteFile = sqliteFile;
        _decorate = decorate;
        ConnectionString = connectionString;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(port);
    }

    /// <param name="settings">Configuration as an operator would set it.</param>
    /// <param name="tokenProvider">Outbound token source (Microsoft Entra ID is unreachable from tests).</param>
    /// <param name="connectionString">A store to migrate and use instead of a copy of the trained workspace.</param>
    /// <param name="decorate">Wraps the host's own copilot; say beside the call why the real one alone cannot serve.</param>
    public static async Task<ChannelsHost> StartAsync(
        Dictionary<string, string?>? settings = null, IBotTokenProvider? tokenProvider = null, string? connectionString = null, Func<ICopilot, ICopilot>? decorate = null)
    {
        string? file = null;
        if (connectionString is null)
        {
            file = Path.Combine(Path.GetTempPath(), $"jorge-channels-{Guid.NewGuid():N}.db");
            await CopilotWorkspace.CopyToAsync(file);
            connectionString = $"Data Source={file}";
        }
        else
        {
            await new JorgeDbContextFactory(StoreConnection.Resolve(connectionString)).MigrateAsync();
        }

        var all = new Dictionary<string, string?>(settings ?? []) { ["ConnectionStrings:Jorge"] = connectionString };
        var host = new ChannelsHost(all, connectionString, file, decorate) { TokenProvider = tokenProvider };
        host.StartServer();
        host.Copilot = (RecordingCopilot)host.Services.GetRequiredService<ICopilot>();
        host.ApiKey = (await host.Services.GetRequiredService<ApiKeyStore>().CreateAsync("channels test", [.. ApiScopes.All], CancellationToken.None)).Secret;
        return host;
    }

    public JorgeDbContext CreateDbContext() => new JorgeDbContextFactory(StoreConnection.Resolve(ConnectionString)).CreateDbContext();

    /// <summary>The ranking as the host's REST API gives it (<c>GET /api/v1/leads/top</c>): what a ranking answer must show.</summary>
    public async Task<TopLeadsResponse> TopLeadsAsync(int limit)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, ApiKey);
        var top = await http.GetFromJsonAsync<TopLeadsResponse>($"{BaseUrl}/api/v1/leads/top?limit={limit}");
        return top ?? throw new InvalidOperationException("GET /api/v1/leads/top returned nothing.");
    }

    /// <summary>Stored leads with model data, in id order (the empty test lead left out).</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> LeadsAsync(int skip, int take)
    {
        await using var db = CreateDbContext();
        var leads = await db.Leads.AsNoTracking().Where(l => l.Source == "bank-marketing").OrderBy(l => l.Id).Skip(skip).Take(take)
            .Select(l => new { l.Id, l.DisplayName }).ToListAsync();
        return [.. leads.Select(l => (l.Id, l.DisplayName))];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            // Registered last, so the channels use it; it wraps the copilot the host composed itself.
            services.AddSingleton<ICopilot>(sp =>
            {
                ICopilot real = ActivatorUtilities.CreateInstance<CopilotService>(sp);
                return new RecordingCopilot(_decorate is null ? real : _decorate(real));
            });
            if (TokenProvider is not null)
            {
                services.AddSingleton(TokenProvider);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }

        GC.SuppressFinalize(this);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Outbound token double: Microsoft Entra ID is unreachable from tests, so the token is a fixed marker.</summary>
public sealed class FixedTokenProvider(string token) : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
}
