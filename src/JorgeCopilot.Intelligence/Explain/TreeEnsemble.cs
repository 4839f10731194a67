using Microsoft.ML.Trainers.FastTree;

namespace JorgeCopilot.Intelligence.Explain;

/// <summary>
/// A tree ensemble read out of ML.NET's trained model parameters, with per-node cover (how many training rows
/// reach each node). ML.NET 5 does not expose node counts, so cover is measured by passing the training rows
/// through the trees. Tree weights are folded into the leaf values, so the output is the ensemble's raw score.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly Tree[] _trees;

    private TreeEnsemble(Tree[] trees, double bias, int featureCount)
    {
        _trees = trees;
        Bias = bias;
        FeatureCount = featureCount;
    }

    public double Bias { get; }

    public int FeatureCount { get; }

    internal IReadOnlyList<Tree> Trees => _trees;

    /// <summary>A plain, serialisable copy (trees with their measured cover), saved with the model.</summary>
    public TreeEnsembleData ToData() => new(Bias, FeatureCount, _trees.Select(t => new TreeData(
        t.Left, t.Right, t.Feature, t.Threshold, t.LeafValue, t.LeafCover)).ToArray());

    public static TreeEnsemble FromData(TreeEnsembleData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var trees = data.Trees.Select(t => new Tree
        {
            Left = t.Left,
            Right = t.Right,
            Feature = t.Feature,
            Threshold = t.Threshold,
            LeafValue = t.LeafValue,
            NodeCover = new double[t.Left.Length],
            LeafCover = t.LeafCover,
        }).ToArray();
        foreach (var tree in trees)
        {
            tree.FinishCover(pseudoCount: 0);
        }

        return new TreeEnsemble(trees, data.Bias, data.FeatureCount);
    }

    /// <summary>Reads the trees and measures cover with <paramref name="background"/> (normally the training rows).</summary>
    public static TreeEnsemble FromMlNet(TreeEnsemble<RegressionTree> ensemble, int featureCount, IEnumerable<float[]> background)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(background);
        var trees = new Tree[ensemble.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            var source = ensemble.Trees[t];
            if (source.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new NotSupportedException("Categorical splits are not supported; train with categorical splits off (features are one-hot encoded).");
            }

            var weight = ensemble.TreeWeights.Count > t ? ensemble.TreeWeights[t] : 1.0;
            trees[t] = Tree.Create(source, weight);
        }

        var result = new TreeEnsemble(trees, ensemble.Bias, featureCount);
        foreach (var row in background)
        {
            foreach (var tree in trees)
            {
                tree.Count(row);
            }
        }

        foreach (var tree in trees)
        {
            tree.FinishCover(pseudoCount: 1e-3);
        }

        return result;
    }

    /// <summary>The raw score (sum of tree outputs plus bias), computed from the extracted trees.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var sum = Bias;
        foreach (var tree in _trees)
        {
            sum += tree.Output(features);
        }

        return sum;
    }

    internal sealed class Tree
    {
        // Internal nodes 0..n-1; leaves are encoded as ~leafIndex in the child arrays (ML.NET's convention).
        public required int[] Left { get; init; }
        public required int[] Right { get; init; }
        public required int[] Feature { get; init; }
        public required float[] Threshold { get; init; }
        public required double[] LeafValue { get; init; }
        public required double[] NodeCover { get; init; }
        public required double[] LeafCover { get; init; }
        public int MaxDepth { get; private set; }
        public double ExpectedValue { get; private set; }

        public static Tree Create(RegressionTree source, double weight)
        {
            var nodes = source.NumberOfNodes;
            var leaves = source.NumberOfLeaves;
            var tree = new Tree
            {
                Left = [.. source.LeftChild],
                Right = [.. source.RightChild],
                Feature = [.. source.NumericalSplitFeatureIndexes],
                Threshold = [.. source.NumericalSplitThresholds],
                LeafValue = source.LeafValues.Select(v => v * weight).ToArray(),
                NodeCover = new double[Math.Max(nodes, 0)],
                LeafCover = new double[leaves],
            };
            return tree;
        }

        public int Leaf(ReadOnlySpan<float> x)
        {
            if (Left.Length == 0)
            {
                return 0;
            }

            var node = 0;
            while (node >= 0)
            {
                // ML.NET sends a row left when its value is <= the threshold (NaN goes right).
                node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            }

            return ~node;
        }

        public double Output(ReadOnlySpan<float> x) => LeafValue[Leaf(x)];

        public void Count(float[] row) => LeafCover[Leaf(row)] += 1;

        /// <summary>
        /// Internal cover = sum of its children's cover, so the tree stays consistent (what exactness of TreeSHAP needs);
        /// a small pseudo-count keeps leaves no training row reached from dividing by zero.
        /// </summary>
        public void FinishCover(double pseudoCount)
        {
            for (var i = 0; i < LeafCover.Length; i++)
            {
                LeafCover[i] += pseudoCount;
            }

            if (Left.Length > 0)
            {
                MaxDepth = Fill(0, 1);
            }

            var total = Left.Length > 0 ? NodeCover[0] : LeafCover[0];
            ExpectedValue = 0;
            for (var i = 0; i < LeafCover.Length; i++)
            {
                ExpectedValue += LeafValue[i] * LeafCover[i] / total;
            }
        }

        public double Cover(int child) => child < 0 ? LeafCover[~child] : NodeCover[child];

        private int Fill(int node, int depth)
        {
            var depthLeft = Left[node] < 0 ? depth : Fill(Left[node], depth + 1);
            var depthRight = Right[node] < 0 ? depth : Fill(Right[node], depth + 1);
            NodeCover[node] = Cover(Left[node]) + Cover(Right[node]);
            return Math.Max(depthLeft, depthRight);
        }
    }
}

/// <summary>Serialisable form of a <see cref="TreeEnsemble"/>.</summary>
public sealed record TreeEnsembleData(double Bias, int FeatureCount, TreeData[] Trees);

/// <summary>One tree: internal nodes by index, leaves as <c>~leaf</c> in the child arrays.</summary>
public sealed record TreeData(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] LeafValue, double[] LeafCover);
