namespace JorgeCopilot.Intelligence.Explain;

/// <summary>
/// Exact TreeSHAP (Lundberg, Erion &amp; Lee 2018, Algorithm 2) over any <see cref="TreeEnsemble"/>: polynomial-time
/// Shapley values of the raw score with the tree's own cover as the background distribution. Model-agnostic
/// across ML.NET's FastTree and LightGBM ensembles (classification or regression). Thread-safe: each call
/// allocates its own path buffer.
/// </summary>
public sealed class TreeShapExplainer(TreeEnsemble ensemble) : IScoreExplainer
{
    private readonly TreeEnsemble _ensemble = ensemble ?? throw new ArgumentNullException(nameof(ensemble));
    private readonly int _maxDepth = ensemble.Trees.Count == 0 ? 0 : ensemble.Trees.Max(t => t.MaxDepth);

    public int FeatureCount => _ensemble.FeatureCount;

    public double ExpectedValue => _ensemble.Bias + _ensemble.Trees.Sum(t => t.ExpectedValue);

    public FeatureAttribution Explain(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.", nameof(features));
        }

        var phi = new double[FeatureCount];
        var size = (_maxDepth + 3) * (_maxDepth + 4) / 2;
        var path = new PathElement[size];
        foreach (var tree in _ensemble.Trees)
        {
            if (tree.Left.Length == 0)
            {
                continue; // a single-leaf tree adds only to the expected value
            }

            Recurse(tree, features, phi, 0, path, 0, 0, 1, 1, -1);
        }

        return new FeatureAttribution(ExpectedValue, phi);
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

    private struct PathElement(int feature, double zero, double one, double weight)
    {
        public int Feature = feature;
        public double Zero = zero;
        public double One = one;
        public double Weight = weight;
    }
}
