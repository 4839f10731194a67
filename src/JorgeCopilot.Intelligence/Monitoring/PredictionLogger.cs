using System.Globalization;
using System.Text.Json;
using JorgeCopilot.Core.Models;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>Writes served predictions to the prediction log (any task).</summary>
public sealed class PredictionLogger(IDbContextFactory<JorgeDbContext> contexts, TimeProvider clock)
{
    public async Task LogAsync(string task, int modelVersion, string subjectId, double prediction, double? low, double? high,
        float[] features, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.PredictionLog.Add(new PredictionLogEntry
        {
            Task = task,
            ModelVersion = modelVersion,
            SubjectId = subjectId,
            PredictedAt = clock.GetUtcNow().UtcDateTime,
            Prediction = prediction,
            Low = low,
            High = high,
            FeaturesJson = JsonSerializer.Serialize(features),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Subject(long id) => id.ToString(CultureInfo.InvariantCulture);
}
