namespace JorgeCopilot.Intelligence.Explain;

/// <summary>
/// Exact TreeSHAP (Lundberg, Erion &amp; Lee 2018): polynomial-time Shapley values of the raw score with each tree's
/// own cover as the background distribution, over any <see cref="TreeEnsemble"/> (ML.NET FastTree or LightGBM,
/// classification or regression). Thread-safe.
/// <para>
/// Speed: a leaf with value v whose path has u distinct features, cover fractions z_k and a row that "follows" the
/// features in F (satisfies every split of that feature on the way to the leaf) gives feature j
/// <c>v·P·(1 − z_j)·G(F∖j)</c> when j is in F and <c>−v·P·G(F)</c> otherwise, where P is the product of z over the
/// features not followed and <c>G(A) = Σ_{S⊆A} |S|!(u−1−|S|)!/u! · Π_{k∈A∖S} z_k</c>, a weighted sum of A's
/// elementary symmetric polynomials (this is Algorithm 2's per-leaf sum written out for 0/1 "one" fractions). A row is
/// then one bit-mask test per distinct feature of each leaf for F and O(u²) arithmetic on a few values held per leaf,
/// streamed in order.
/// Fast TreeSHAP v2 (Yang 2021) tables of all 2^u answers per leaf were used before: the same arithmetic saved, but
/// one random read per leaf into tables of 34 MB per price-model member, which on this shared machine cost as much as
/// the recursion (about 60 ns per leaf, a cache miss each). A tree with a leaf of more distinct features than
/// <see cref="MaxTabulatedFeatures"/>, more than 64 internal nodes, or beyond the budget, is explained per row by Algorithm 2 itself (recursive
/// EXTEND / UNWIND / UNWOUND-SUM). Both routes are exact; a test checks each against brute-force Shapley values.
/// </para>
/// </summary>
public sealed class TreeShapExplainer : IScoreExplainer
{
    /// <summary>A tree with a leaf of more distinct path features than this is explained per row by the recursion.</summary>
    public const int MaxTabulatedFeatures = 8;

    /// <summary>Default cap on values held per leaf (8 bytes each; u + 1 per leaf): 2 million = 16 MB per explainer.</summary>
    public const int DefaultTableBudget = 2_000_000;

    // Shapley weights |S|!(u−1−|S|)!/u! laid out for G: [u][c][d] is the weight of e_d when |A| = c (|S| = c − d), 0 for d > c.
    private static readonly double[] Weights = BuildWeights();

    private readonly TreeEnsemble _ensemble;
    // Per-leaf path data, flattened into a few contiguous arrays read in order: a row visits every leaf of every tree
    // (about 44,000 per price-model member), so this loop is the explanation's cost.
    // Tree t's leaves are [_firstLeaf[t], _firstLeaf[t + 1]); a tree with none of them and splits is explained by recursion.
    private readonly bool[] _isTabulated;
    private readonly int[] _firstLeaf;
    // Per leaf: its distinct features [_featureStart[l], _featureStart[l + 1]) with, alongside, their cover fractions and
    // the bit mask of the path's nodes that split on each; its value; and the mask of path nodes where the path goes
    // left. A row follows feature j when it goes the path's way at every one of j's nodes: ((row ^ left) & nodes_j) == 0
    // over the row's own left-mask of the tree (which is why a tabulated tree has at most 64 internal nodes).
    private readonly int[] _featureStart;
    private readonly double[] _leafValue;
    private readonly ulong[] _leafLeft;
    private readonly int[] _leafFeature;
    private readonly double[] _leafZero;
    private readonly ulong[] _featureNodes;
    private readonly int _maxDepth;

    public TreeShapExplainer(TreeEnsemble ensemble)
        : this(ensemble, DefaultTableBudget)
    {
    }

    /// <param name="ensemble">The trees, with cover.</param>
    /// <param name="tableBudget">How many per-leaf values may be held (0 computes every leaf by recursion per row).</param>
    public TreeShapExplainer(TreeEnsemble ensemble, int tableBudget)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentOutOfRangeException.ThrowIfNegative(tableBudget);
        _ensemble = ensemble;
        ExpectedValue = ensemble.Bias + ensemble.Trees.Sum(t => t.ExpectedValue);
        _maxDepth = ensemble.Trees.Count == 0 ? 0 : ensemble.Trees.Max(t => t.MaxDepth);
        var trees = ensemble.Trees.Count;
        _isTabulated = new bool[trees];
        _firstLeaf = new int[trees + 1];
        var chosen = new List<LeafPath>();
        var remaining = (long)tableBudget;
        for (var t = 0; t < trees; t++)
        {
            _firstLeaf[t] = chosen.Count;
            var leaves = LeafPath.Read(ensemble.Trees[t]);
            var size = leaves.Sum(l => (long)l.Features.Length + 1);
            if (leaves.Length == 0 || ensemble.Trees[t].Left.Length > 64 || leaves.Any(l => l.Features.Length > MaxTabulatedFeatures) || size > remaining)
            {
                continue;
            }

            chosen.AddRange(leaves);
            _isTabulated[t] = true;
            remaining -= size;
        }

        _firstLeaf[trees] = chosen.Count;
        _featureStart = new int[chosen.Count + 1];
        _leafValue = new double[chosen.Count];
        _leafLeft = new ulong[chosen.Count];
        _leafFeature = new int[chosen.Sum(l => l.Features.Length)];
        _leafZero = new double[_leafFeature.Length];
        _featureNodes = new ulong[_leafFeature.Length];
        var feature = 0;
        for (var l = 0; l < chosen.Count; l++)
        {
            var leaf = chosen[l];
            _featureStart[l] = feature;
            _leafValue[l] = leaf.Value;
            for (var k = 0; k < leaf.Nodes.Length; k++)
            {
                var bit = 1UL << leaf.Nodes[k];
                _featureNodes[feature + leaf.Slot[k]] |= bit;
                _leafLeft[l] |= leaf.WentLeft[k] ? bit : 0;
            }

            leaf.Features.CopyTo(_leafFeature, feature);
            leaf.Zero.CopyTo(_leafZero, feature);
            feature += leaf.Features.Length;
        }

        _featureStart[chosen.Count] = feature;
        TableValues = tableBudget - remaining;
        var splitTrees = ensemble.Trees.Count(t => t.Left.Length > 0);
        TabulatedTreeShare = splitTrees == 0 ? 1 : _isTabulated.Count(t => t) / (double)splitTrees;
    }

    public int FeatureCount => _ensemble.FeatureCount;

    public double ExpectedValue { get; }

    /// <summary>Share of (non-trivial) trees answered from per-leaf path data rather than the recursion (for benchmarks and tests).</summary>
    public double TabulatedTreeShare { get; }

    /// <summary>How many per-leaf values are held (8 bytes each).</summary>
    public long TableValues { get; }

    public FeatureAttribution Explain(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.", nameof(features));
        }

        var phi = new double[FeatureCount];
        Span<double> e = stackalloc double[MaxTabulatedFeatures + 1];
        PathElement[]? path = null;
        var trees = _ensemble.Trees;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            if (tree.Left.Length == 0)
            {
                continue; // a single-leaf tree adds only to the expected value
            }

            if (!_isTabulated[t])
            {
                path ??= new PathElement[(_maxDepth + 3) * (_maxDepth + 4) / 2];
                Recurse(tree, features, phi, 0, path, 0, 0, 1, 1, -1);
                continue;
            }

            var goesLeft = 0UL;
            for (var n = 0; n < tree.Left.Length; n++)
            {
                // ML.NET sends a row left when its value is <= the threshold (NaN goes right).
                goesLeft |= (features[tree.Feature[n]] <= tree.Threshold[n] ? 1UL : 0) << n;
            }

            for (var leaf = _firstLeaf[t]; leaf < _firstLeaf[t + 1]; leaf++)
            {
                AddContributions(leaf, goesLeft, phi, e);
            }
        }

        return new FeatureAttribution(ExpectedValue, phi);
    }

    /// <summary>
    /// Adds one leaf's contributions in closed form (see the class remarks). The row's pattern has bit j set when the
    /// row follows every split of the leaf's j-th feature on the path (a row that leaves the path at any of them does
    /// not "follow" that feature). Branch-free: whether a row follows a feature is a coin flip to the branch predictor.
    /// </summary>
    private void AddContributions(int leaf, ulong goesLeft, double[] phi, Span<double> e)
    {
        var first = _featureStart[leaf];
        var u = _featureStart[leaf + 1] - first;
        var departs = goesLeft ^ _leafLeft[leaf];
        var nodes = _featureNodes.AsSpan(first, u);
        var pattern = 0;
        for (var j = 0; j < u; j++)
        {
            pattern |= ((departs & nodes[j]) == 0 ? 1 : 0) << j;
        }

        // e = elementary symmetric polynomials of the followed features' cover fractions; scale = v × the product of the
        // fractions of the features not followed. Each loop runs over set bits only: a branch per feature on whether the
        // row follows it would be a coin flip to the branch predictor.
        var zero = _leafZero.AsSpan(first, u);
        var features = _leafFeature.AsSpan(first, u);
        var full = (1 << u) - 1;
        var scale = _leafValue[leaf];
        for (var rest = full & ~pattern; rest != 0; rest &= rest - 1)
        {
            scale *= zero[System.Numerics.BitOperations.TrailingZeroCount(rest)];
        }

        e[0] = 1;
        var count = 0;
        for (var rest = pattern; rest != 0; rest &= rest - 1)
        {
            var z = zero[System.Numerics.BitOperations.TrailingZeroCount(rest)];
            e[++count] = 0;
            for (var d = count; d > 0; d--)
            {
                e[d] += z * e[d - 1];
            }
        }

        var weights = Weights.AsSpan(u * (MaxTabulatedFeatures + 1) * (MaxTabulatedFeatures + 1));
        if (count < u)
        {
            // Every feature not followed gets −v·P·G(F).
            var row = weights.Slice(count * (MaxTabulatedFeatures + 1), count + 1);
            var g = 0.0;
            for (var d = 0; d <= count; d++)
            {
                g += row[d] * e[d];
            }

            var notFollowed = scale * g;
            for (var rest = full & ~pattern; rest != 0; rest &= rest - 1)
            {
                phi[features[System.Numerics.BitOperations.TrailingZeroCount(rest)]] -= notFollowed;
            }
        }

        if (count > 0)
        {
            // A followed feature j gets v·P·(1 − z_j)·G(F∖j): j's factor (1 + z_j t) divided out of e.
            var row = weights.Slice((count - 1) * (MaxTabulatedFeatures + 1), count);
            for (var rest = pattern; rest != 0; rest &= rest - 1)
            {
                var j = System.Numerics.BitOperations.TrailingZeroCount(rest);
                var z = zero[j];
                var previous = 1.0;
                var g = row[0];
                for (var d = 1; d < count; d++)
                {
                    previous = e[d] - z * previous;
                    g += row[d] * previous;
                }

                phi[features[j]] += scale * (1 - z) * g;
            }
        }
    }

    private static double[] BuildWeights()
    {
        const int Size = MaxTabulatedFeatures + 1;
        var weights = new double[Size * Size * Size];
        var factorial = new double[Size + 1];
        factorial[0] = 1;
        for (var i = 1; i <= Size; i++)
        {
            factorial[i] = factorial[i - 1] * i;
        }

        for (var u = 1; u <= MaxTabulatedFeatures; u++)
        {
            for (var c = 0; c < u; c++)
            {
                for (var d = 0; d <= c; d++)
                {
                    var s = c - d;
                    weights[(u * Size + c) * Size + d] = factorial[s] * factorial[u - 1 - s] / factorial[u];
                }
            }
        }

        return weights;
    }

    private static void Recurse(TreeEnsemble.Tree tree, ReadOnlySpan<float> x, double[] phi, int node,
        PathElement[] buffer, int parentOffset, int depth, double zeroFraction, double oneFraction, int featureIndex)
    {
        // Each level works on its own copy of the path, placed after the parent's in one buffer.
        var offset = parentOffset + depth + 1;
        Array.Copy(buffer, parentOffset, buffer, offset, depth + 1);
        var path = buffer.AsSpan(offset);
        Extend(path, depth, zeroFraction, oneFraction, featureIndex);

        if (node < 0)
        {
            var value = tree.LeafValue[~node];
            for (var i = 1; i <= depth; i++)
            {
                var w = UnwoundSum(path, depth, i);
                phi[path[i].Feature] += w * (path[i].One - path[i].Zero) * value;
            }

            return;
        }

        var split = tree.Feature[node];
        var goLeft = x[split] <= tree.Threshold[node];
        var hot = goLeft ? tree.Left[node] : tree.Right[node];
        var cold = goLeft ? tree.Right[node] : tree.Left[node];
        var cover = tree.NodeCover[node];
        var hotZero = tree.Cover(hot) / cover;
        var coldZero = tree.Cover(cold) / cover;
        double incomingZero = 1, incomingOne = 1;

        var pathIndex = 0;
        for (; pathIndex <= depth; pathIndex++)
        {
            if (path[pathIndex].Feature == split)
            {
                break;
            }
        }

        if (pathIndex != depth + 1)
        {
            incomingZero = path[pathIndex].Zero;
            incomingOne = path[pathIndex].One;
            Unwind(path, depth, pathIndex);
            depth--;
        }

        Recurse(tree, x, phi, hot, buffer, offset, depth + 1, hotZero * incomingZero, incomingOne, split);
        Recurse(tree, x, phi, cold, buffer, offset, depth + 1, coldZero * incomingZero, 0, split);
    }

    private static void Extend(Span<PathElement> path, int depth, double zero, double one, int feature)
    {
        path[depth] = new PathElement(feature, zero, one, depth == 0 ? 1 : 0);
        for (var i = depth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += one * path[i].Weight * (i + 1) / (depth + 1);
            path[i].Weight = zero * path[i].Weight * (depth - i) / (depth + 1);
        }
    }

    private static void Unwind(Span<PathElement> path, int depth, int pathIndex)
    {
        var one = path[pathIndex].One;
        var zero = path[pathIndex].Zero;
        var next = path[depth].Weight;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = path[i].Weight;
                path[i].Weight = next * (depth + 1) / ((i + 1) * one);
                next = tmp - path[i].Weight * zero * (depth - i) / (depth + 1);
            }
            else
            {
                path[i].Weight = path[i].Weight * (depth + 1) / (zero * (depth - i));
            }
        }

        for (var i = pathIndex; i < depth; i++)
        {
            path[i].Feature = path[i + 1].Feature;
            path[i].Zero = path[i + 1].Zero;
            path[i].One = path[i + 1].One;
        }
    }

    private static double UnwoundSum(Span<PathElement> path, int depth, int pathIndex)
    {
        var one = path[pathIndex].One;
        var zero = path[pathIndex].Zero;
        var next = path[depth].Weight;
        double total = 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = next * (depth + 1) / ((i + 1) * one);
                total += tmp;
                next = path[i].Weight - tmp * zero * (depth - i) / (depth + 1);
            }
            else
            {
                total += path[i].Weight / zero / ((double)(depth - i) / (depth + 1));
            }
        }

        return total;
    }

    /// <summary>One leaf's root-to-leaf path: the splits, the distinct features on it and their cover fractions.</summary>
    private sealed class LeafPath
    {
        private LeafPath(int[] nodes, bool[] wentLeft, int[] slot, int[] features, double[] zero, double value)
        {
            Nodes = nodes;
            WentLeft = wentLeft;
            Slot = slot;
            Features = features;
            Zero = zero;
            Value = value;
        }

        /// <summary>Internal nodes on the way to the leaf, and whether the path goes left at each.</summary>
        public int[] Nodes { get; }

        public bool[] WentLeft { get; }

        /// <summary>For each path node, the index of its feature in <see cref="Features"/>.</summary>
        public int[] Slot { get; }

        /// <summary>The distinct features on the path, in order of first use.</summary>
        public int[] Features { get; }

        /// <summary>Per distinct feature: the share of cover that goes this way at its splits (product over them).</summary>
        public double[] Zero { get; }

        public double Value { get; }

        public static LeafPath[] Read(TreeEnsemble.Tree tree)
        {
            if (tree.Left.Length == 0)
            {
                return [];
            }

            var result = new List<LeafPath>(tree.LeafValue.Length);
            Walk(tree, 0, [], [], result);
            return [.. result];
        }

        private static void Walk(TreeEnsemble.Tree tree, int node, List<int> nodes, List<bool> directions, List<LeafPath> result)
        {
            if (node < 0)
            {
                result.Add(Create(tree, ~node, nodes, directions));
                return;
            }

            foreach (var left in new[] { true, false })
            {
                nodes.Add(node);
                directions.Add(left);
                Walk(tree, left ? tree.Left[node] : tree.Right[node], nodes, directions, result);
                nodes.RemoveAt(nodes.Count - 1);
                directions.RemoveAt(directions.Count - 1);
            }
        }

        private static LeafPath Create(TreeEnsemble.Tree tree, int leaf, List<int> nodes, List<bool> directions)
        {
            var features = new List<int>();
            var zero = new List<double>();
            var slot = new int[nodes.Count];
            for (var k = 0; k < nodes.Count; k++)
            {
                var node = nodes[k];
                var child = directions[k] ? tree.Left[node] : tree.Right[node];
                var fraction = tree.Cover(child) / tree.NodeCover[node];
                var j = features.IndexOf(tree.Feature[node]);
                if (j < 0)
                {
                    j = features.Count;
                    features.Add(tree.Feature[node]);
                    zero.Add(1);
                }

                zero[j] *= fraction;
                slot[k] = j;
            }

            return new LeafPath([.. nodes], [.. directions], slot, [.. features], [.. zero], tree.LeafValue[leaf]);
        }
    }

    private struct PathElement(int feature, double zero, double one, double weight)
    {
        public int Feature = feature;
        public double Zero = zero;
        public double One = one;
        public double Weight = weight;
    }
}
