using System.IO.Compression;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Import;
using JorgeCopilot.IntegrationTests.LeadScoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// A store the real copilot answers from: a sample of real bank-marketing leads under the names <c>jorge seed</c> gives
/// them, with a trained lead-scoring champion (<see cref="BankMarketingStore"/>: about 1,650 leads, a small model,
/// a few seconds), and Zillow's home value index for <see cref="Region"/> imported through the bundled mapping (one
/// metro of the file, so the import takes milliseconds). It is prepared once per test process; every host then starts
/// on its own copy of that SQLite file (online backup, milliseconds), so hosts never see each other's dialogues,
/// receipts or opt-outs. No pricing model: the pricing tests train theirs on synthetic sales.
/// </summary>
public static class CopilotWorkspace
{
    public const string Region = "Seattle, WA";

    private const string ZhviFile = "Metro_zhvi_uc_sfrcondo_tier_0.33_0.67_sm_sa_month.csv.gz";

    private static readonly Lazy<Task<BankMarketingStore>> Template = new(PrepareAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The lead-scoring champion's version in every copy.</summary>
    public static async Task<int> ChampionVersionAsync() => (await Template.Value).Training.Version;

    /// <summary>Copies the trained store to <paramref name="file"/>.</summary>
    public static async Task CopyToAsync(string file)
    {
        var template = await Template.Value;
        await using var source = new SqliteConnection(template.ConnectionString);
        await using var target = new SqliteConnection($"Data Source={file};Pooling=False");
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
    }

    private static async Task<BankMarketingStore> PrepareAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var store = await BankMarketingStore.CreateAsync(StoreProvider.Sqlite);
        var data = new DataLocator(Options.Create(new DataOptions()));
        var source = data.Bundled("zillow-metro-monthly", ZhviFile);
        var folder = Directory.CreateTempSubdirectory("jorge-zhvi-");
        try
        {
            var oneMetro = Path.Combine(folder.FullName, ZhviFile);
            using (var input = new StreamReader(new GZipStream(File.OpenRead(source), CompressionMode.Decompress)))
            await using (var output = new StreamWriter(new GZipStream(File.Create(oneMetro), CompressionLevel.Fastest)))
            {
                await output.WriteLineAsync(await input.ReadLineAsync());
                while (await input.ReadLineAsync() is { } line)
                {
                    if (line.Contains($",\"{Region}\",", StringComparison.Ordinal))
                    {
                        await output.WriteLineAsync(line);
                    }
                }
            }

            var result = await ImportServices.Importer(store.Factory).ImportAsync(
                ImportKinds.Series, oneMetro, data.Bundled("zillow-metro-monthly", "series.zhvi.map.json"), null, CancellationToken.None);
            if (result.RowsAdded == 0)
            {
                throw new InvalidDataException($"No {Region} rows in {source}.");
            }

            TestContext.Current.SendDiagnosticMessage(
                $"Copilot workspace: {store.LeadIds.Count} leads, lead-scoring v{store.Training.Version}, {result.RowsAdded} {Region} ZHVI points, prepared in {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return store;
    }
}
