using System.CommandLine;
using System.Globalization;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge apikey create --scope read|write|bot [--name]</c>, <c>jorge apikey list</c>, <c>jorge apikey revoke &lt;id&gt;</c>.</summary>
internal static class ApiKeyCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("apikey", "Create, list and revoke API keys for /api/v1");
        command.Subcommands.Add(CreateCommand(host));
        command.Subcommands.Add(ListCommand(host));
        command.Subcommands.Add(RevokeCommand(host));
        return command;
    }

    private static Command CreateCommand(CliHost host)
    {
        var scope = new Option<string[]>("--scope")
        {
            Description = "read (GETs and chat), write (read plus changes), bot (chat and outcomes); repeat for several",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        scope.AcceptOnlyFromAmong([.. ApiScopes.All]);
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. \"seller bot\"", DefaultValueFactory = _ => "api client" };
        var create = new Command("create", "Create a key; the secret is printed once and stored only as a hash") { scope, name };
        create.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var store = await StoreAsync(host, ct);
            var created = await store.CreateAsync(pr.GetValue(name)!, pr.GetValue(scope)!, ct);
            AnsiConsole.MarkupLine($"Created key [bold]{created.Key.Id}[/] ({Markup.Escape(string.Join(", ", created.Key.Scopes))}). Send it as the X-Api-Key header; it is not shown again:");
            Console.WriteLine(created.Secret);
            return 0;
        });
        return create;
    }

    private static Command ListCommand(CliHost host)
    {
        var list = new Command("list", "List keys (never their secrets)");
        list.SetAction(async (ParseResult _, CancellationToken ct) =>
        {
            var keys = await (await StoreAsync(host, ct)).ListAsync(ct);
            if (keys.Count == 0)
            {
                AnsiConsole.MarkupLine("No API keys yet: run [bold]jorge apikey create --scope read[/].");
                return 0;
            }

            var table = new Table().AddColumns("id", "name", "prefix", "scopes", "created (UTC)", "last used (UTC)", "revoked (UTC)");
            foreach (var k in keys)
            {
                table.AddRow(k.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(k.Name), Markup.Escape(k.Prefix + "…"), string.Join(", ", k.Scopes),
                    Stamp(k.CreatedAt), k.LastUsedAt is { } used ? Stamp(used) : "never", k.RevokedAt is { } revoked ? $"[red]{Stamp(revoked)}[/]" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return list;
    }

    private static Command RevokeCommand(CliHost host)
    {
        var id = new Argument<long>("id") { Description = "The key's id (from jorge apikey list)" };
        var revoke = new Command("revoke", "Revoke a key: it stops working at once on this store (within seconds on other replicas)") { id };
        revoke.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            if (await (await StoreAsync(host, ct)).RevokeAsync(pr.GetValue(id), ct))
            {
                AnsiConsole.MarkupLine($"Revoked key {pr.GetValue(id)}.");
                return 0;
            }

            AnsiConsole.MarkupLine($"[red]No active key with id {pr.GetValue(id)}.[/]");
            return 1;
        });
        return revoke;
    }

    private static async Task<ApiKeyStore> StoreAsync(CliHost host, CancellationToken cancellationToken)
    {
        await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(cancellationToken);
        return ActivatorUtilities.CreateInstance<ApiKeyStore>(host.Services);
    }

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
