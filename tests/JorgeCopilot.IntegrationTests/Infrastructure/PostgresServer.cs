using System.Diagnostics;
using Npgsql;

namespace JorgeCopilot.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL the integration tests run against: the one named by <c>JORGE_TEST_POSTGRES</c> (CI starts it),
/// else a throwaway cluster started here from the PostgreSQL binaries, else none (tests then skip, unless
/// <c>JORGE_REQUIRE_POSTGRES=1</c> makes that a failure). Each test gets its own fresh database.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "JORGE_TEST_POSTGRES";
    public const string RequireVariable = "JORGE_REQUIRE_POSTGRES";
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private static readonly Lazy<Task<string?>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>A connection string to a new, empty database; skips the calling test when no PostgreSQL can be had.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Server.Value;
        if (admin is null)
        {
            if (Required)
            {
                throw new InvalidOperationException($"{RequireVariable}=1 but no PostgreSQL: set {ConnectionVariable} or install PostgreSQL 15.");
            }

            Assert.Skip($"PostgreSQL is not reachable here: set {ConnectionVariable} or install the PostgreSQL 15 binaries.");
        }

        var name = "jorge_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    private static async Task<string?> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("jorge-pg-").FullName;
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {dir}");
        }

        await RunPgAsync(asRoot, "initdb", $"-D {dir}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await RunPgAsync(asRoot, "pg_ctl",
            $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunPgAsync(asRoot, "pg_ctl", $"-D {dir}/data -m immediate stop").GetAwaiter().GetResult();
                Directory.Delete(dir, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // The cluster is in a temp folder; a failed stop only leaves files for the OS to clean.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static Task RunPgAsync(bool asRoot, string tool, string arguments) =>
        asRoot
            ? RunAsync("runuser", $"-u postgres -- {BinDirectory}/{tool} {arguments}")
            : RunAsync($"{BinDirectory}/{tool}", arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        var info = new ProcessStartInfo("/bin/sh", ["-c", $"{file} {arguments}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
