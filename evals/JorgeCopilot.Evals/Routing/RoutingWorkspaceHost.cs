using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Channels;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Evals.Routing;

/// <summary>
/// The routing eval's own copy of the product: composed by the same <c>AddJorgeCopilot()</c> as the API host and the
/// CLI, on a throwaway SQLite store it prepares itself (the bundled campaign's leads and outcomes, a lead-scoring
/// champion trained on them, the workspace's lead names), so the eval passes on a fresh, empty store and never
/// writes to the user's. Who exists is fixed by <c>routing.workspace.json</c>, so the cases mean the same everywhere.
/// </summary>
public sealed class RoutingWorkspaceHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _folder;

    private RoutingWorkspaceHost(IHost host, DirectoryInfo folder)
    {
        _host = host;
        _folder = folder;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<RoutingWorkspaceHost> CreateAsync(IConfiguration configuration, RoutingWorkspace workspace, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(report);
        var folder = Directory.CreateTempSubdirectory("jorge-routing-");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StoreConnection.ConnectionStringName}"] = $"Data Source={Path.Combine(folder.FullName, "routing.db")}",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddJorgeCopilot();
        builder.Services.AddSingleton<IPlannerDirectory>(new FixedPlannerDirectory(new PlannerDirectorySnapshot(
            new LeadNameIndex(workspace.Leads.Select(l => new LeadRef(l.Id, l.Name))), workspace.Regions)));
        var host = builder.Build();
        var workspaceHost = new RoutingWorkspaceHost(host, folder);
        try
        {
            await workspaceHost.PrepareAsync(workspace, report, cancellationToken);
            return workspaceHost;
        }
        catch
        {
            await workspaceHost.DisposeAsync();
            throw;
        }
    }

    private async Task PrepareAsync(RoutingWorkspace workspace, Action<string> report, CancellationToken cancellationToken)
    {
        var services = _host.Services;
        await services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(cancellationToken);
        var data = services.GetRequiredService<DataLocator>();
        var imports = services.GetRequiredService<ImportService>();
        foreach (var (set, kind, file, map) in WorkspaceSeeder.Plan.Where(p => p.DataSet == "bank-marketing"))
        {
            await imports.ImportAsync(kind, data.Bundled(set, file), data.Bundled(set, map), progress: null, cancellationToken);
        }

        // "The second one" after a ranking needs a real ranking: a champion trained on the campaign's outcomes.
        var trainer = services.GetServices<IModelTrainer>().Single(t => t.Task == LeadScoringTrainer.TaskName);
        var outcome = await trainer.TrainAsync(new TrainingRequest(), progress: null, cancellationToken);
        report($"routing: workspace store ready (lead-scoring v{outcome.Version}, {outcome.Algorithm})");

        // The plugins then talk about the same people the cases do.
        await using var db = await services.GetRequiredService<IDbContextFactory<JorgeDbContext>>().CreateDbContextAsync(cancellationToken);
        foreach (var lead in workspace.Leads)
        {
            await db.Leads.Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.DisplayName, lead.Name), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        // SQLite keeps pooled connections to the file; release them before removing the folder.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the eval's result is not.
        }
    }
}
