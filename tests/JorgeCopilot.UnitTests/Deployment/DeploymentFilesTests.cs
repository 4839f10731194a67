using System.Text.RegularExpressions;
using JorgeCopilot.Core.Store;
using YamlDotNet.RepresentationModel;

namespace JorgeCopilot.UnitTests.Deployment;

/// <summary>No Docker engine here: docker-compose.yml and the Dockerfile are kept correct by reading them.</summary>
public sealed partial class DeploymentFilesTests
{
    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryRoot.File("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    private static IReadOnlyList<string> Ports(string service) =>
        Service(service).Children.TryGetValue(new YamlScalarNode("ports"), out var ports)
            ? ((YamlSequenceNode)ports).Select(p => ((YamlScalarNode)p).Value!).ToList()
            : [];

    private static IReadOnlyList<string> List(string service, string key) =>
        Service(service).Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? ((YamlSequenceNode)node).Select(p => ((YamlScalarNode)p).Value!).ToList()
            : [];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value!,
            kv => ((YamlScalarNode)kv.Value).Value ?? "");

    /// <summary>What compose would substitute with no variables set: <c>${NAME:-default}</c> → default.</summary>
    private static string WithDefaults(string value) => DefaultPattern().Replace(value, m => m.Groups["default"].Value);

    [Fact]
    public void Compose_runs_postgres_qdrant_and_the_host()
    {
        ((YamlMappingNode)Compose()["services"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value)
            .ShouldBe(["postgres", "qdrant", "host"], ignoreOrder: true);
        WithDefaults(Ports("host").ShouldHaveSingleItem()).ShouldBe("127.0.0.1:8080:8080");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("qdrant")]
    public void The_database_and_the_vector_store_publish_no_port_and_sit_on_the_internal_network_only(string service)
    {
        Ports(service).ShouldBeEmpty();
        List(service, "networks").ShouldBe(["backend"]);
        var backend = (YamlMappingNode)((YamlMappingNode)Compose()["networks"])["backend"];
        ((YamlScalarNode)backend["internal"]).Value.ShouldBe("true");
    }

    [Fact]
    public void Passwords_have_no_default_and_come_from_an_env_file_kept_out_of_git()
    {
        Environment("postgres")["POSTGRES_PASSWORD"].ShouldStartWith("${POSTGRES_PASSWORD:?");
        Environment("host")["ConnectionStrings__Jorge"].ShouldContain("Password=${POSTGRES_PASSWORD:?");
        File.ReadAllLines(RepositoryRoot.File(".gitignore")).ShouldContain(".env");
        var example = File.ReadAllLines(RepositoryRoot.File(".env.example"));
        var variables = VariablePattern().Matches(File.ReadAllText(RepositoryRoot.File("docker-compose.yml"))).Select(m => m.Groups["name"].Value).Distinct();
        variables.ShouldAllBe(v => example.Any(l => l.StartsWith(v + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_host_runs_with_a_read_only_root_filesystem_scratch_tmpfs_and_no_capabilities()
    {
        var host = Service("host");
        ((YamlScalarNode)host["read_only"]).Value.ShouldBe("true");
        List("host", "tmpfs").ShouldContain("/tmp");
        List("host", "cap_drop").ShouldBe(["ALL"]);
        List("host", "security_opt").ShouldContain("no-new-privileges:true");
    }

    [Fact]
    public void The_host_reaches_postgres_and_qdrant_by_service_name_through_its_environment()
    {
        var env = Environment("host");

        var connection = StoreConnection.Resolve(WithDefaults(env["ConnectionStrings__" + StoreConnection.ConnectionStringName]));
        connection.Provider.ShouldBe(StoreProvider.Postgres);
        connection.ConnectionString.ShouldContain("Host=postgres");
        var postgres = Environment("postgres");
        connection.ConnectionString.ShouldContain("Username=" + postgres["POSTGRES_USER"]);
        connection.ConnectionString.ShouldContain("Database=" + postgres["POSTGRES_DB"]);
        env["ConnectionStrings__Jorge"].ShouldContain("Password=" + postgres["POSTGRES_PASSWORD"]);
        env["Qdrant__Url"].ShouldBe("http://qdrant:6334");
        WithDefaults(env["Copilot__Provider"]).ShouldBe("local");
        env["ASPNETCORE_HTTP_PORTS"].ShouldBe("8080");
        env.ShouldContainKey("OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    [Fact]
    public void The_host_waits_for_a_healthy_postgres_and_builds_from_the_dockerfile()
    {
        var host = Service("host");
        var dependsOn = (YamlMappingNode)host["depends_on"];
        ((YamlScalarNode)((YamlMappingNode)dependsOn["postgres"])["condition"]).Value.ShouldBe("service_healthy");
        Service("postgres").Children.ShouldContainKey(new YamlScalarNode("healthcheck"));

        var build = (YamlMappingNode)host["build"];
        var dockerfile = ((YamlScalarNode)build["dockerfile"]).Value!;
        ((YamlScalarNode)build["context"]).Value.ShouldBe(".");
        File.Exists(RepositoryRoot.File(dockerfile)).ShouldBeTrue();
    }

    [Fact]
    public void Dockerfile_builds_with_the_sdk_and_runs_on_the_aspnet_runtime_as_non_root()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("src", "JorgeCopilot.Api", "Dockerfile"));
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        stages.Count.ShouldBe(2);
        stages[0].ShouldStartWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build");
        stages[1].ShouldStartWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final");
        var final = lines.SkipWhile(l => l != stages[1]).ToList();
        final.ShouldContain(l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        final.ShouldContain("USER $APP_UID");
        final.ShouldContain("EXPOSE 8080");
        final.Last(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)).ShouldContain("JorgeCopilot.Api.dll");
    }

    [Fact]
    public void Every_project_file_the_dockerfile_restores_exists()
    {
        var copies = File.ReadAllLines(RepositoryRoot.File("src", "JorgeCopilot.Api", "Dockerfile"))
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            .ToList();

        copies.ShouldNotBeEmpty();
        copies.ShouldAllBe(path => File.Exists(RepositoryRoot.File(path)));
        // The host's and the CLI's whole project graph must be restorable from those files.
        copies.ShouldContain("src/JorgeCopilot.Api/JorgeCopilot.Api.csproj");
        copies.ShouldContain("src/JorgeCopilot.Core/JorgeCopilot.Core.csproj");
        copies.ShouldContain("evals/JorgeCopilot.Evals/JorgeCopilot.Evals.csproj");
    }

    [Fact]
    public void The_qdrant_server_is_within_the_minor_versions_the_client_package_supports()
    {
        // Qdrant tests each SDK against its own minor version and the two before it. Outside that window, calls the
        // server does not know fail at run time, where no test here can reach (v1.13 against the 1.20 client).
        var image = ((YamlScalarNode)Service("qdrant")["image"]).Value!;
        var server = Version.Parse(image[(image.LastIndexOf(":v", StringComparison.Ordinal) + 2)..]);
        var props = File.ReadAllText(RepositoryRoot.File("Directory.Packages.props"));
        var client = Version.Parse(ClientVersionPattern().Match(props).Groups["version"].Value);

        server.Major.ShouldBe(client.Major);
        (client.Minor - server.Minor).ShouldBeInRange(0, 2);
    }

    [GeneratedRegex("Include=\"Qdrant\\.Client\" Version=\"(?<version>[0-9.]+)\"")]
    private static partial Regex ClientVersionPattern();

    [GeneratedRegex(@"\$\{[A-Z_]+:-(?<default>[^}]*)\}")]
    private static partial Regex DefaultPattern();

    [GeneratedRegex(@"\$\{(?<name>[A-Z_]+)[:}]")]
    private static partial Regex VariablePattern();
}
