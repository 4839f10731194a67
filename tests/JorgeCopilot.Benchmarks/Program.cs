using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using JorgeCopilot.Benchmarks.Behavior;

namespace JorgeCopilot.Benchmarks;

// Run: dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*'
public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        var types = typeof(BenchmarkProgram).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .ToList();
        if (QdrantRetrievalBenchmarks.Url is null)
        {
            // Measuring a store that is not there would time out in setup; say it was skipped instead.
            types.Remove(typeof(QdrantRetrievalBenchmarks));
            Console.WriteLine($"// {nameof(QdrantRetrievalBenchmarks)} skipped: {QdrantRetrievalBenchmarks.UrlVariable} is not set (no Qdrant server; set it to the gRPC endpoint, e.g. http://localhost:6334, to measure top-5 retrieval on Qdrant).");
        }

        BenchmarkSwitcher.FromTypes([.. types]).Run(args);
    }
}
