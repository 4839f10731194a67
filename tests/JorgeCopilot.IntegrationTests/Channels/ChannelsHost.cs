using System.Net;
using System.Net.Sockets;
using JorgeCopilot.Agent;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Core.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// The real host (Program) on a real loopback port with Kestrel, a fresh migrated store, and the scripted copilot.
/// Settings are passed as configuration, exactly as an operator would set them.
/// </summary>
public sealed class ChannelsHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFile;

    public ScriptedCopilot Copilot { get; } = new();

    public IBotTokenProvider? TokenProvider { get; init; }

    /// <summary>False composes the host as it is before the agent layer is added: no ICopilot at all.</summary>
    public bool RegisterCopilot { get; init; } = true;

    public string BaseUrl { get; }

    public string MessagesUrl => BaseUrl + "/api/messages";

    public string ConnectionString { get; }

    private ChannelsHost(Dictionary<string, string?> settings, string connectionString, string? sqliteFile)
    {
        _settings = settings;
        _sqliteFile = sqliteFile;
        ConnectionString = connectionString;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(port);
    }

    public static Task<ChannelsHost> StartAsync(Dictionary<string, string?>? settings = null, IBotTokenProvider? tokenProvider = null) =>
        StartAsync(settings, tokenProvider, connectionString: null);

    public static async Task<ChannelsHost> StartAsync(Dictionary<string, string?>? settings, IBotTokenProvider? tokenProvider, string? connectionString, bool registerCopilot = true)
    {
        string? file = null;
        if (connectionString is null)
        {
            file = Path.Combine(Path.GetTempPath(), $"jorge-channels-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={file}";
        }

        await new JorgeDbContextFactory(StoreConnection.Resolve(connectionString)).MigrateAsync();
        var all = new Dictionary<string, string?>(settings ?? []) { ["ConnectionStrings:Jorge"] = connectionString };
        var host = new ChannelsHost(all, connectionString, file) { TokenProvider = tokenProvider, RegisterCopilot = registerCopilot };
        host.StartServer();
        return host;
    }

    public JorgeDbContext CreateDbContext() => new JorgeDbContextFactory(StoreConnection.Resolve(ConnectionString)).CreateDbContext();

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
            if (RegisterCopilot)
            {
                services.AddSingleton<ICopilot>(Copilot);
            }
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
