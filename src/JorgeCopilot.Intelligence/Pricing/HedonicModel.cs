namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// A small ridge regression of log price on home quality (size, grade, condition, age, ...). Its residuals on nearby
/// sales measure how much the location itself is worth once the homes' differences are taken out; with a dozen
/// coefficients fitted on thousands of sales it barely overfits, so those residuals are close to out-of-sample.
/// </summary>
public sealed class HedonicModel
{
    private const int Terms = 14;
    private readonly double[] _means;
    private readonly double[] _coefficients;

    private HedonicModel(double[] means, double[] coefficients)
    {
        _means = means;
        _coefficients = coefficients;
    }

    public static HedonicModel Fit(IReadOnlyList<HomeSale> sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var raw = sales.Select(s => Terms_(s.Home, s.SaleDate)).ToArray();
        var means = new double[Terms];
        for (var j = 0; j < Terms; j++)
        {
            var present = raw.Select(r => r[j]).Where(v => !double.IsNaN(v)).ToArray();
            means[j] = present.Length > 0 ? present.Average() : 0;
        }

        var p = Terms + 1;
        var xtx = new double[p, p];
        var xty = new double[p];
        var x = new double[p];
        for (var i = 0; i < raw.Length; i++)
        {
            Fill(raw[i], means, x);
            var y = Math.Log(sales[i].Price);
            for (var a = 0; a < p; a++)
            {
                xty[a] += x[a] * y;
                for (var b = 0; b < p; b++)
                {
                    xtx[a, b] += x[a] * x[b];
                }
            }
        }

        for (var a = 1; a < p; a++)
        {
            xtx[a, a] += 1e-3 * raw.Length;
        }

        return new HedonicModel(means, Solve(xtx, xty));
    }

    public double Predict(HomeFeatures home, DateOnly date)
    {
        var x = new double[Terms + 1];
        Fill(Terms_(home, date), _means, x);
        double sum = 0;
        for (var a = 0; a < x.Length; a++)
        {
            sum += _coefficients[a] * x[a];
        }

        return sum;
    }

    /// <summary>The fitted market trend between two dates (log price change), the same for every home.</summary>
    public double TimeEffect(DateOnly from, DateOnly to) => _coefficients[Terms] * (to.DayNumber - from.DayNumber) / 365.0;

    private static double[] Terms_(HomeFeatures h, DateOnly date)
    {
        var renovated = h.YearRenovated > 0 ? h.YearRenovated : h.YearBuilt;
        return
        [
            h.LivingSqft > 0 ? Math.Log(h.LivingSqft) : double.NaN,
            h.LotSqft > 0 ? Math.Log(h.LotSqft) : double.NaN,
            h.Grade,
            h.Grade * h.Grade / 10,
            h.Condition,
            h.View,
            h.Waterfront,
            h.Bathrooms,
            Math.Min(h.Bedrooms, 8),
            h.Floors,
            (date.Year - h.YearBuilt) / 10,
            (date.Year - renovated) / 10,
            h.LivingSqft > 0 ? h.BasementSqft / h.LivingSqft : double.NaN,
            (date.DayNumber - 730000) / 365.0,
        ];
    }

    private static void Fill(double[] raw, double[] means, double[] x)
    {
        x[0] = 1;
        for (var j = 0; j < Terms; j++)
        {
            x[j + 1] = double.IsNaN(raw[j]) || double.IsInfinity(raw[j]) ? 0 : raw[j] - means[j];
        }
    }

    /// <summary>Gaussian elimination with partial pivoting (the system is tiny and ridge-regularised).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                continue;
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                }

                (v[col], v[pivot]) = (v[pivot], v[col]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = m[r, col] / m[col, col];
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                }

                v[r] -= f * v[col];
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Abs(m[i, i]) < 1e-12 ? 0 : v[i] / m[i, i];
        }

        return x;
    }
}
