using JorgeCopilot.Core.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Dashboard.Hosting;

/// <summary>With no dashboard account, nobody can sign in: say on start how to create one. Runs after the store is migrated (hosted services start in registration order).</summary>
internal sealed class FirstUserHint(DashboardUserStore users, ILogger<FirstUserHint> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await users.AnyAsync(cancellationToken))
        {
            logger.LogWarning("No dashboard user yet: create one with `jorge user add <name>` (same store), then sign in at {Path}", DashboardAuth.LoginPath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
