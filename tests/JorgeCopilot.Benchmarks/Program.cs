using BenchmarkDotNet.Running;

namespace JorgeCopilot.Benchmarks;

// Run: dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*'
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
