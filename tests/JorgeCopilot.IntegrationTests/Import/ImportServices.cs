using JorgeCopilot.Core;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.IntegrationTests.Import;

/// <summary>The importer and seeder wired to one test store and the bundled data copied beside the tests.</summary>
internal static class ImportServices
{
    public static ServiceProvider For(StoreConnection connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJorgeStore(connection);
        services.AddSingleton(Options.Create(new DataOptions()));
        services.AddSingleton<DataLocator>();
        services.AddJorgeImport();
        return services.BuildServiceProvider();
    }

    public static ImportService Importer(JorgeDbContextFactory factory) =>
        new(factory, new DataLocator(Options.Create(new DataOptions())), ImportService.CoreImporters(), TimeProvider.System,
            new JorgeCopilot.Core.Leads.LeadDirectoryChanges(), NullLogger<ImportService>.Instance);
}
