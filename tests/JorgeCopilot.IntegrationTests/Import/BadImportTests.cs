using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.Import;

/// <summary>A bad row stops the whole import with file, line, column and reason, and leaves the store as it was.</summary>
public sealed class BadImportTests
{
    private const string Mapping = """
        {
          "kind": "leads",
          "format": { "type": "csv", "delimiter": ";", "header": true },
          "constants": { "source": "crm" },
          "fields": [
            { "column": "id", "field": "externalId", "required": true },
            { "column": "name", "field": "displayName" },
            { "column": "budget", "type": "int", "required": true },
            { "column": "created", "field": "createdAt", "type": "date", "format": "yyyy-MM-dd", "required": true }
          ],
          "naturalKey": ["externalId"],
          "attributes": { "include": ["*"] }
        }
        """;

    private const string Good = "id;name;budget;created\nL-1;Ana Garcia;450000;2024-01-15\nL-2;Luis Garcia;380000;2024-02-01\n";

    public static TheoryData<StoreProvider, string, string, int, string?, string> Cases()
    {
        var data = new TheoryData<StoreProvider, string, string, int, string?, string>();
        var header = "id;name;budget;created\n";
        var many = string.Concat(Enumerable.Range(10, 300).Select(i => $"L-{i};Name {i};{i}000;2024-03-01\n"));
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.Postgres })
        {
            data.Add(provider, "wrong type", header + many + "L-9;Eve;lots;2024-03-01\n", 302, "budget", "\"lots\" is not an int");
            data.Add(provider, "missing required column", "id;name;created\nL-9;Eve;2024-03-01\n", 1, "budget", "required column is missing");
            data.Add(provider, "bad date", header + "L-9;Eve;1000;2024-02-30\n", 2, "created", "is not a date in the format yyyy-MM-dd");
            data.Add(provider, "duplicate key", header + many + "L-10;Again;1000;2024-03-01\n", 302, "id", "duplicate natural key (externalId=L-10); first seen on line 2");
            data.Add(provider, "empty file", "", 1, null, "the file is empty");
            data.Add(provider, "wrong delimiter", "id,name,budget,created\nL-9,Eve,1000,2024-03-01\n", 1, null, "wrong delimiter");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_file_fails_with_its_location_and_changes_nothing(
        StoreProvider provider, string problem, string content, int line, string? column, string reason)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var importer = ImportServices.Importer(factory);
        var map = Write("leads.map.json", Mapping);
        await importer.ImportAsync("leads", Write("good.csv", Good), map, null, TestContext.Current.CancellationToken);
        var before = await SnapshotAsync(factory);

        var error = await Should.ThrowAsync<ImportException>(() =>
            importer.ImportAsync("leads", Write("bad.csv", content), map, null, TestContext.Current.CancellationToken));

        error.Line.ShouldBe(line, problem);
        error.Column.ShouldBe(column, problem);
        error.Reason.ShouldContain(reason, Case.Sensitive, problem);
        error.Message.ShouldStartWith($"bad.csv: line {line}", Case.Sensitive, problem);
        (await SnapshotAsync(factory)).ShouldBe(before, problem);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Re_importing_updates_by_natural_key_and_adds_no_duplicates(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var importer = ImportServices.Importer(factory);
        var map = Write("leads.map.json", Mapping);
        var ct = TestContext.Current.CancellationToken;

        var first = await importer.ImportAsync("leads", Write("crm.csv", Good), map, null, ct);
        var second = await importer.ImportAsync("leads", Write("crm.csv", Good.Replace("450000", "475000", StringComparison.Ordinal)), map, null, ct);

        (first.RowsAdded, first.RowsUpdated).ShouldBe((2, 0));
        (second.RowsAdded, second.RowsUpdated).ShouldBe((0, 2));
        await using var db = factory.CreateDbContext();
        var leads = await db.Leads.OrderBy(l => l.ExternalId).ToListAsync(ct);
        leads.Select(l => l.DisplayName).ShouldBe(["Ana Garcia", "Luis Garcia"]);
        leads[0].Attributes["budget"].ShouldBe("475000");
        leads[0].NameIsGenerated.ShouldBeFalse();
        (await db.ImportRecords.CountAsync(ct)).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task An_import_stopped_while_writing_keeps_nothing(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var importer = ImportServices.Importer(factory);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // Cancel as soon as the first rows have been written inside the transaction.
        var progress = new CancelWhenWritten(cancel);

        await Should.ThrowAsync<OperationCanceledException>(() => importer.ImportAsync(
            "properties", DataFile("kc-house", "kc_house_data.csv.gz"), null, progress, cancel.Token));

        progress.SawWrites.ShouldBeTrue();
        (await SnapshotAsync(factory)).ShouldBe(new[] { 0, 0, 0, 0, 0 });
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task References_to_unknown_leads_stop_the_import(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var importer = ImportServices.Importer(factory);
        var map = Write("outcomes.map.json", """
            { "kind": "outcomes", "constants": { "leadSource": "crm" },
              "fields": [ { "column": "lead", "field": "leadExternalId", "required": true },
                          { "column": "won", "field": "converted", "type": "bool", "required": true } ] }
            """);

        var error = await Should.ThrowAsync<ImportException>(() => importer.ImportAsync(
            "outcomes", Write("outcomes.csv", "lead,won\nL-404,yes\n"), map, null, TestContext.Current.CancellationToken));

        error.Line.ShouldBe(2);
        error.Column.ShouldBe("lead");
        error.Reason.ShouldContain("no lead crm/L-404");
    }

    [Fact]
    public async Task A_file_without_a_bundled_mapping_needs_map()
    {
        var factory = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);

        var error = await Should.ThrowAsync<MappingException>(() => ImportServices.Importer(factory).ImportAsync(
            "leads", Write("export.csv", Good), null, null, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("pass --map");
    }

    internal static string Write(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("jorge-import-test-").FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    internal static string DataFile(string set, string file) => Path.Combine(AppContext.BaseDirectory, "data", set, file);

    private static async Task<int[]> SnapshotAsync(JorgeDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        return
        [
            await db.Leads.CountAsync(ct), await db.Properties.CountAsync(ct), await db.Sales.CountAsync(ct),
            await db.ImportRecords.CountAsync(ct),
            (await db.Leads.Select(l => l.Attributes).ToListAsync(ct)).Sum(a => a.Count),
        ];
    }

    private sealed class CancelWhenWritten(CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public bool SawWrites { get; private set; }

        public void Report(ImportProgress value)
        {
            if (value.Total > 0 && value.Done > 0)
            {
                SawWrites = true;
                cancel.Cancel();
            }
        }
    }
}
