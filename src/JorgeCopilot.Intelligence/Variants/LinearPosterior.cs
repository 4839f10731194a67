namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// One strategy's Bayesian linear (ridge) model of conversion over a lead's feature vector: precision
/// <c>B = λI + Σ n·x·xᵀ</c>, <c>f = Σ successes·x</c>, weights ~ N(B⁻¹f, v²B⁻¹). The inverse is kept directly and
/// updated by Sherman–Morrison (O(d²) per update, no factorisation), since the feature vectors are a handful of
/// one-hots. For one context x the sampled score xᵀθ is a univariate normal, so a Thompson draw for that lead needs
/// only its mean and spread, which is exactly the full-posterior draw restricted to that lead.
/// </summary>
public sealed class LinearPosterior
{
    private readonly double[,] _inverse;
    private readonly double[] _f;
    private readonly double[] _scratch;

    /// <param name="dimensions">Length of the feature vector.</param>
    /// <param name="ridge">Prior precision λ (a prior of N(0, v²/λ) on each weight).</param>
    public LinearPosterior(int dimensions, double ridge = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ridge);
        _inverse = new double[dimensions, dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            _inverse[i, i] = 1 / ridge;
        }

        _f = new double[dimensions];
        _scratch = new double[dimensions];
    }

    public int Dimensions => _f.Length;

    /// <summary>Adds <paramref name="trials"/> outcomes with feature vector <paramref name="x"/>, <paramref name="successes"/> of them converted.</summary>
    public void Add(ReadOnlySpan<double> x, double trials, double successes)
    {
        if (trials <= 0)
        {
            return;
        }

        var d = Dimensions;
        var bx = _scratch;
        MultiplyInverse(x, bx);
        var quad = Dot(x, bx);
        var scale = trials / (1 + trials * quad);
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                _inverse[i, j] -= scale * bx[i] * bx[j];
            }

            _f[i] += successes * x[i];
        }
    }

    /// <summary>Mean and standard deviation of the sampled score xᵀθ, with noise scale <paramref name="noise"/> (v).</summary>
    public (double Mean, double Sd) Score(ReadOnlySpan<double> x, double noise)
    {
        var bx = _scratch;
        MultiplyInverse(x, bx);
        return (Dot(_f, bx), noise * Math.Sqrt(Math.Max(0, Dot(x, bx))));
    }

    private void MultiplyInverse(ReadOnlySpan<double> x, double[] result)
    {
        var d = Dimensions;
        for (var i = 0; i < d; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < d; j++)
            {
                sum += _inverse[i, j] * x[j];
            }

            result[i] = sum;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
