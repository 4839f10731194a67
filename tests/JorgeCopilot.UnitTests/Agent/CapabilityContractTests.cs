using System.Reflection;
using System.Text.RegularExpressions;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Tests.Shared;
using Microsoft.SemanticKernel;
using Shouldly;

namespace JorgeCopilot.UnitTests.Agent;

/// <summary>The contract's structural promises: capabilities are named nowhere outside their folders, and the agent tests' stand-ins are the real plugins' shape.</summary>
public sealed partial class CapabilityContractTests
{
    public static TheoryData<Type, Type> StandIns => new()
    {
        { typeof(LeadScoringTestPlugin), typeof(LeadScoringPlugin) },
        { typeof(PricingTestPlugin), typeof(PricingPlugin) },
        { typeof(MarketTestPlugin), typeof(MarketPlugin) },
    };

    [Theory]
    [MemberData(nameof(StandIns))]
    public void Each_stand_in_plugin_has_the_real_plugins_functions_parameters_and_presentation(Type standIn, Type real)
    {
        var expected = Functions(real);
        var actual = Functions(standIn);

        actual.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (name, method) in expected)
        {
            Parameters(actual[name]).ShouldBe(Parameters(method), name);
            Describe(ToolPresentation.For(name, actual[name])).ShouldBe(Describe(ToolPresentation.For(name, method)), name);
        }
    }

    [Fact]
    public void No_code_in_the_agent_or_the_channels_names_a_capabilitys_tool_or_answer_kind()
    {
        var names = new[] { typeof(LeadScoringPlugin), typeof(PricingPlugin), typeof(MarketPlugin) }
            .SelectMany(t => Functions(t).Select(f => (Tool: f.Key, Kind: ToolPresentation.For(f.Key, f.Value).Kind)))
            .SelectMany(f => new[] { f.Tool, f.Kind })
            .Distinct()
            .ToList();
        var offenders = new[] { "src/JorgeCopilot.Agent", "src/JorgeCopilot.Channels" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryRoot.File(folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => names.Where(n => Regex.IsMatch(File.ReadAllText(file), $"\"[^\"\\n]*\\b{Regex.Escape(n)}\\b[^\"\\n]*\"")).Select(n => $"{Path.GetFileName(file)}: {n}"))
            .ToList();

        names.ShouldContain("rank_leads");
        names.ShouldContain("price-range");
        offenders.ShouldBeEmpty();
    }

    private static Dictionary<string, MethodInfo> Functions(Type plugin) =>
        plugin.GetMethods().Where(m => m.GetCustomAttribute<KernelFunctionAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<KernelFunctionAttribute>()!.Name!, m => m, StringComparer.Ordinal);

    private static List<string> Parameters(MethodInfo method) =>
        method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => $"{p.Name}:{Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType}:{p.HasDefaultValue}").ToList();

    private static string Describe(ToolPresentation p) =>
        $"{p.Kind}|{p.Title}|{p.HeadlineFigures}|{p.TableTitle}|{p.ItemFunction}|{string.Join(";", p.FollowUps)}|{string.Join(";", p.NeedsOneOf)}|{p.AskWhenMissing}";
}
