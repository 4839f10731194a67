using System.Diagnostics;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;

namespace JorgeCopilot.IntegrationTests.Dashboard;

/// <summary>The real <c>jorge user add</c>: the password from standard input, the account usable for a sign-in.</summary>
public sealed class UserCommandTests
{
    [Fact]
    public async Task User_add_with_password_stdin_creates_an_account_that_signs_in_and_refuses_a_duplicate()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("jorge-user-").FullName, "jorge.db");

        var (exit, stdout, stderr) = await RunJorgeAsync(db, "s3cret password\n", "user", "add", "jorge", "--password-stdin");
        var (again, _, againError) = await RunJorgeAsync(db, "other password\n", "user", "add", "Jorge", "--password-stdin");

        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("Created dashboard user");
        again.ShouldBe(1);
        againError.ShouldContain("already exists");
        var store = new DashboardUserStore(new JorgeDbContextFactory(StoreConnection.Resolve($"Data Source={db};Pooling=False")), TimeProvider.System);
        (await store.CheckAsync("jorge", "s3cret password", CancellationToken.None)).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task User_add_with_a_short_password_exits_2_and_creates_nothing()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("jorge-user-").FullName, "jorge.db");

        var (exit, _, stderr) = await RunJorgeAsync(db, "short\n", "user", "add", "jorge", "--password-stdin");

        exit.ShouldBe(2);
        stderr.Trim().ShouldBe($"jorge: The password must be at least {DashboardUserStore.MinPasswordLength} characters.");
        File.Exists(db).ShouldBeFalse();
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunJorgeAsync(string database, string input, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "jorge.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["ConnectionStrings__Jorge"] = $"Data Source={database}";
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
