using JorgeCopilot.Channels;
using JorgeCopilot.Evals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Cli;

/// <summary>
/// The service graph the CLI commands run on: the same registrations as the web host, built only when a command
/// actually runs (so <c>--help</c> and parse errors never touch the store).
/// </summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly string[] _args;
    private IHost? _host;

    public CliHost(string[] args) => _args = args;

    public IServiceProvider Services => (_host ??= Build(_args)).Services;

    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        // CLI output is for people; framework logs only when something is wrong.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddJorgeCli();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host?.Dispose();
        }
    }
}

public static class CliRegistration
{
    /// <summary>The product's one composition (the same as the API host's) plus the eval runner.</summary>
    public static IHostApplicationBuilder AddJorgeCli(this IHostApplicationBuilder builder)
    {
        builder.AddJorgeCopilot();
        builder.Services.AddJorgeEvals();
        return builder;
    }
}
