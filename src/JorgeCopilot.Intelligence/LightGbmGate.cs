namespace JorgeCopilot.Intelligence;

/// <summary>
/// Runs LightGBM trainings one at a time in the process. The native library sets OpenMP's thread count process-wide and
/// indexes per-thread buffers by it, so two trainings at once with different <c>NumberOfThreads</c> (lead scoring uses
/// 1, pricing 2) can write out of bounds and kill the process (dotnet/machinelearning#4918; seen here as exit 139 when
/// the retraining job, an eval and a test host trained side by side). Only training is native: scoring walks managed trees.
/// </summary>
public static class LightGbmGate
{
    private static readonly Lock Gate = new();

    public static T Fit<T>(Func<T> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        lock (Gate)
        {
            return fit();
        }
    }
}
