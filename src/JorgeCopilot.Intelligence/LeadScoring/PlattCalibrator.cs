using System.Text.Json.Serialization;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Platt scaling p = 1 / (1 + exp(A·s + B)) of a raw score s, fitted by Newton's method with Platt's smoothed targets.
/// Always fitted on scores of rows the model was not trained on (out-of-fold or out-of-bag).
/// </summary>
public sealed record PlattCalibrator([property: JsonPropertyName("a")] double A, [property: JsonPropertyName("b")] double B)
{
    public double Probability(double score)
    {
        var z = A * score + B;
        return z >= 0 ? Math.Exp(-z) / (1 + Math.Exp(-z)) : 1 / (1 + Math.Exp(z));
    }

    public static PlattCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        double positives = labels.Count(l => l), negatives = labels.Count - positives;
        var hiTarget = (positives + 1) / (positives + 2);
        var loTarget = 1 / (negatives + 2);
        var t = labels.Select(l => l ? hiTarget : loTarget).ToArray();
        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        for (var iteration = 0; iteration < 100; iteration++)
        {
            // Gradient and Hessian of the log loss in (a, b), with a tiny ridge for stability.
            double g1 = 0, g2 = 0, h11 = 1e-12, h22 = 1e-12, h21 = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                var p = new PlattCalibrator(a, b).Probability(scores[i]);
                var d = t[i] - p;
                var w = p * (1 - p);
                g1 += scores[i] * d;
                g2 += d;
                h11 += scores[i] * scores[i] * w;
                h22 += w;
                h21 += scores[i] * w;
            }

            var det = h11 * h22 - h21 * h21;
            if (Math.Abs(det) < 1e-18)
            {
                break;
            }

            var da = -(h22 * g1 - h21 * g2) / det;
            var db = -(-h21 * g1 + h11 * g2) / det;
            a += da;
            b += db;
            if (Math.Abs(da) < 1e-9 && Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return new PlattCalibrator(a, b);
    }
}
