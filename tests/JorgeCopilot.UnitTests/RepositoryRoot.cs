namespace JorgeCopilot.UnitTests;

/// <summary>The clone the tests run from (the folder holding JorgeCopilot.sln), for tests that read repository files.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "JorgeCopilot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("JorgeCopilot.sln was not found above " + AppContext.BaseDirectory);
    }

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
