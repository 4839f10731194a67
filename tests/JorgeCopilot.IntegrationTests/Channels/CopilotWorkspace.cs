using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.LeadScoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// A store the real copilot answers from: a sample of real bank-marketing leads under the names <c>jorge seed</c> gives
/// them, with a trained lead-scoring champion (<see cref="BankMarketingStore"/>: about 1,650 leads, a small model,
/// a few seconds). It is prepared once per test process; every host then starts on its own copy of that SQLite file
/// (online backup, milliseconds), so hosts never see each other's dialogues, receipts or opt-outs.
/// </summary>
public static class CopilotWorkspace
{
    private static readonly Lazy<Task<BankMarketingStore>> Template =
        new(() => BankMarketingStore.CreateAsync(StoreProvider.Sqlite), LazyThreadSafetyMode.ExecutionAndPublication);

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

    /// <summary>Display names by lead id, as stored.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> LeadNamesAsync(JorgeDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Leads.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.DisplayName);
    }
}
