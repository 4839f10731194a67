using System.Runtime.CompilerServices;

namespace JorgeCopilot.IntegrationTests.Infrastructure;

/// <summary>
/// Points the embedded default store (<c>$XDG_DATA_HOME/jorge-copilot/jorge.db</c>) at a temp folder for the whole test
/// process before any test runs, so no test ever reads or writes the user's real store.
/// </summary>
public static class IsolatedDataHome
{
    public static string Directory { get; private set; } = "";

#pragma warning disable CA2255 // Test process set-up: it must happen before any test touches the embedded default.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Initialize()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("jorge-xdg-data-").FullName;
        Environment.SetEnvironmentVariable("XDG_DATA_HOME", Directory);
    }
}
