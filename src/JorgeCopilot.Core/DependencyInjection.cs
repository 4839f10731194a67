using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace JorgeCopilot.Core;

public static class DependencyInjection
{
    /// <summary>Registers the store (provider chosen by <c>ConnectionStrings:Jorge</c>) and the data options.</summary>
    public static IHostApplicationBuilder AddJorgeCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connection = StoreConnection.Resolve(builder.Configuration.GetConnectionString(StoreConnection.ConnectionStringName));
        builder.Services.AddJorgeStore(connection);
        builder.Services.AddOptions<DataOptions>()
            .Bind(builder.Configuration.GetSection(DataOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DataLocator>();
        builder.Services.AddJorgeImport();
        return builder;
    }

    /// <summary>Importers (<c>jorge import</c>), the workspace seeder (<c>jorge seed</c>) and the seeding state /health reads.</summary>
    public static IServiceCollection AddJorgeImport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ImportService>();
        foreach (var importer in ImportService.CoreImporters())
        {
            services.AddSingleton(importer);
        }

        services.AddSingleton<IWorkspaceSeeder, WorkspaceSeeder>();
        services.TryAddSingleton<Leads.LeadDirectoryChanges>();
        services.TryAddSingleton<DemoDataRemover>();
        services.TryAddSingleton<SeedingState>();
        return services;
    }

    /// <summary>
    /// For the web host: migrate on start and seed the embedded default store when it is empty (never a configured
    /// PostgreSQL). Progress and failures are visible through <see cref="SeedingState"/>.
    /// </summary>
    public static IServiceCollection AddFirstStartSeeding(this IServiceCollection services)
    {
        services.TryAddSingleton<SeedingState>();
        services.AddHostedService<FirstStartSeeding>();
        return services;
    }

    public static IServiceCollection AddJorgeStore(this IServiceCollection services, StoreConnection connection)
    {
        var factory = new JorgeDbContextFactory(connection);
        services.AddSingleton(connection);
        services.AddSingleton(factory);
        services.AddSingleton<IDbContextFactory<JorgeDbContext>>(factory);
        services.TryAddSingleton<Leads.LeadDirectoryChanges>();
        services.AddScoped(_ => factory.CreateDbContext());
        services.TryAddSingleton<StoreInitializer>();
        return services;
    }

    /// <summary>Migrates the store when the host starts (before the server accepts requests and before seeding).</summary>
    public static IServiceCollection AddStoreInitialization(this IServiceCollection services)
    {
        services.TryAddSingleton<StoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());
        return services;
    }
}
