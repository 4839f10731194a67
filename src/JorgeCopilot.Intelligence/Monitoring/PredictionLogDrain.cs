using Microsoft.Extensions.Hosting;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>On shutdown, waits until every queued prediction-log row is saved.</summary>
internal sealed class PredictionLogDrain(PredictionLogger logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => logger.CompleteAsync().WaitAsync(cancellationToken);
}
