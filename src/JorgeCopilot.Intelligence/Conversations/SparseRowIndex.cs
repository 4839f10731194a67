using System.Buffers;
using System.Numerics.Tensors;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Upper bounds on every row's dot product with a query, from a fraction of the matrix, so the exact top-k scan can skip
/// the rows that cannot enter its heap. The offline TF-IDF vectors of turns are sparse (about 135 of 1,024 entries set, a
/// query about 200), so a dense scan spends most of its time multiplying zeros and moving 4 KB per row through the
/// cache. Rows with few non-zeros are kept as an inverted index (per dimension: the rows that use it and their values);
/// a query accumulates every such row's score from the postings of its own non-zero dimensions, which differs from the
/// dense float dot product only by rounding; the bound adds a margin well above that rounding.
/// Dense rows (whole conversations) get no bound and are always scored.
/// </summary>
internal sealed class SparseRowIndex
{
    /// <summary>A row with more non-zeros than this share of the dimensions is scored densely.</summary>
    public const double SparseShare = 0.25;

    // Rounding of a float dot product over d terms is at most about d * 2^-24 * |q| * |v| (1024 dims: 6.1e-5 for unit
    // vectors); 1e-3 leaves a wide berth and costs only a few more rows scored exactly.
    private const double RelativeMargin = 1e-3;

    private readonly int _dimensions;
    private readonly int[] _start;
    private readonly int[] _rows;
    private readonly float[] _values;
    private readonly int[] _denseRows;
    private readonly double _maxNorm;

    private SparseRowIndex(int count, int dimensions, int[] start, int[] rows, float[] values, int[] denseRows, double maxNorm)
    {
        Count = count;
        _dimensions = dimensions;
        _start = start;
        _rows = rows;
        _values = values;
        _denseRows = denseRows;
        _maxNorm = maxNorm;
    }

    public int Count { get; }

    /// <summary>Builds the index over a row-major matrix of <paramref name="count"/> rows.</summary>
    public static SparseRowIndex Build(float[] matrix, int count, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var limit = (int)(dimensions * SparseShare);
        var perDimension = new int[dimensions + 1];
        var sparse = new bool[count];
        var dense = new List<int>();
        var maxNorm = 0.0;
        for (var i = 0; i < count; i++)
        {
            var row = matrix.AsSpan(i * dimensions, dimensions);
            maxNorm = Math.Max(maxNorm, TensorPrimitives.Norm(row));
            var nonZero = dimensions - row.Count(0f);
            sparse[i] = nonZero <= limit;
            if (!sparse[i])
            {
                dense.Add(i);
                continue;
            }

            for (var j = 0; j < dimensions; j++)
            {
                if (row[j] != 0)
                {
                    perDimension[j + 1]++;
                }
            }
        }

        for (var j = 0; j < dimensions; j++)
        {
            perDimension[j + 1] += perDimension[j];
        }

        var rows = new int[perDimension[dimensions]];
        var values = new float[rows.Length];
        var next = perDimension[..dimensions];
        for (var i = 0; i < count; i++)
        {
            if (!sparse[i])
            {
                continue;
            }

            var row = matrix.AsSpan(i * dimensions, dimensions);
            for (var j = 0; j < dimensions; j++)
            {
                if (row[j] != 0)
                {
                    rows[next[j]] = i;
                    values[next[j]++] = row[j];
                }
            }
        }

        return new SparseRowIndex(count, dimensions, perDimension, rows, values, [.. dense], maxNorm);
    }

    /// <summary>
    /// Writes into <paramref name="bounds"/> (one per row) a value no dot product of that row with
    /// <paramref name="query"/> can exceed: the score accumulated from the postings plus the rounding margin for sparse
    /// rows, +infinity for dense rows (those are always scored directly).
    /// </summary>
    public void UpperBounds(ReadOnlySpan<float> query, Span<double> bounds)
    {
        // Accumulated in float: the array stays in the first-level cache (27 KB for the bundled corpus, where doubles
        // would not), and its rounding (at most ~200 terms x 2^-24) is far inside the margin.
        var buffer = ArrayPool<float>.Shared.Rent(Count);
        var sums = buffer.AsSpan(0, Count);
        sums.Clear();
        var rows = _rows;
        var values = _values;
        for (var j = 0; j < _dimensions; j++)
        {
            var q = query[j];
            if (q == 0)
            {
                continue;
            }

            for (var p = _start[j]; p < _start[j + 1]; p++)
            {
                sums[rows[p]] += q * values[p];
            }
        }

        var scores = bounds[..Count];
        var margin = RelativeMargin * TensorPrimitives.Norm(query) * _maxNorm;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = sums[i] + margin;
        }

        ArrayPool<float>.Shared.Return(buffer);

        foreach (var i in _denseRows)
        {
            scores[i] = double.PositiveInfinity;
        }
    }
}
