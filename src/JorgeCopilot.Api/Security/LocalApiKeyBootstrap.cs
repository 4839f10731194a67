using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Api.Security;

/// <summary>
/// The host never runs open. On the embedded default (one user, their own machine) the first start creates a key with
/// every scope for that user and writes it to a file only they can read, and says where. A configured store (a real
/// deployment) gets no automatic key: the operator creates keys with <c>jorge apikey create</c>, and is told so.
/// Runs after the store is migrated (hosted services start in registration order).
/// </summary>
public sealed class LocalApiKeyBootstrap(
    StoreConnection store, ApiKeyStore keys, IOptions<ApiSecurityOptions> options, ILogger<LocalApiKeyBootstrap> logger) : IHostedService
{
    public const string LocalKeyName = "local user";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await keys.AnyActiveAsync(cancellationToken))
        {
            return;
        }

        if (!store.IsEmbeddedDefault)
        {
            logger.LogWarning("No active API key: /api/v1 answers 401 to everyone until one is created with `jorge apikey create --scope read|write|bot`");
            return;
        }

        var path = KeyFilePath();
        var created = await keys.CreateAsync(LocalKeyName, ApiScopes.All.ToList(), cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var write = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            write.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(path, write))
        {
            await file.WriteLineAsync(created.Secret.AsMemory(), cancellationToken);
        }

        logger.LogWarning("Created API key {KeyPrefix}… (scopes read, write, bot) for the local user; it is in {KeyFile} (readable only by you). Send it as the {Header} header",
            created.Key.Prefix, path, ApiSecurityOptions.HeaderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string KeyFilePath()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.LocalKeyFile))
        {
            return options.Value.LocalKeyFile;
        }

        var database = store.SqliteFile() ?? StoreConnection.DefaultDatabasePath();
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "api-key");
    }
}
