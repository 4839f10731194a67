using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Multiclass objection model: ML.NET text featurisation (word 1-2-grams and character 3-grams, L2-normalised) of what
/// the lead said, L-BFGS maximum entropy with class weights (1/sqrt of class frequency, so the rare objections are not
/// drowned by "no objection"). Adding the previous sentence said to the lead as context, or SDCA, measured no better.
/// The logistic baseline (<see cref="TrainLogistic"/>) is the same without class weights.
/// Seeded and single-threaded, so the same data gives the same model.
/// </summary>
public sealed class ObjectionModel
{
    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly DataViewSchema schema;
    private readonly Microsoft.Extensions.ObjectPool.ObjectPool<PredictionEngine<ObjectionExample, ObjectionPrediction>> engines;

    private ObjectionModel(MLContext ml, ITransformer transformer, DataViewSchema schema, IReadOnlyList<string> classes)
    {
        this.ml = ml;
        this.transformer = transformer;
        this.schema = schema;
        Classes = classes;
        engines = new Microsoft.Extensions.ObjectPool.DefaultObjectPool<PredictionEngine<ObjectionExample, ObjectionPrediction>>(new EnginePolicy(ml, transformer));
    }

    /// <summary>Class names in score order.</summary>
    public IReadOnlyList<string> Classes { get; }

    public static ObjectionModel Train(IReadOnlyList<ObjectionExample> examples, bool withContext = false, bool weighted = true, bool logistic = true)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ml = new MLContext(seed: 1);
        var counts = examples.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());
        var max = counts.Values.Max();
        foreach (var e in examples)
        {
            e.Weight = weighted ? (float)Math.Sqrt(max / (double)counts[e.Label]) : 1f;
        }

        var view = ml.Data.LoadFromEnumerable(examples);
        var text = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(ObjectionExample.Label))
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(ObjectionExample.Text)));
        if (withContext)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Text.FeaturizeText("ContextFeatures", text, nameof(ObjectionExample.Context)))
                .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "ContextFeatures"));
        }
        else
        {
            pipeline = pipeline.Append(ml.Transforms.CopyColumns("Features", "TextFeatures"));
        }

        IEstimator<ITransformer> trainer = logistic
            ? ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("LabelKey", "Features", weighted ? nameof(ObjectionExample.Weight) : null)
            : ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = weighted ? nameof(ObjectionExample.Weight) : null,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 30,
            });
        var fitted = pipeline.Append(trainer).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedObjection", "PredictedLabel")).Fit(view);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        fitted.GetOutputSchema(view.Schema)["Score"].GetSlotNames(ref slotNames);
        var classes = slotNames.DenseValues().Select(v => v.ToString()).ToList();
        return new ObjectionModel(ml, fitted, view.Schema, classes);
    }

    /// <summary>The peer: unweighted L-BFGS logistic regression on the lead's words only.</summary>
    public static ObjectionModel TrainLogistic(IReadOnlyList<ObjectionExample> examples) => Train(examples, withContext: false, weighted: false, logistic: true);

    public ObjectionPrediction Predict(string text, string context = "")
    {
        var engine = engines.Get();
        try
        {
            return engine.Predict(new ObjectionExample { Text = text ?? "", Context = context ?? "" });
        }
        finally
        {
            engines.Return(engine);
        }
    }

    /// <summary>Class probabilities, highest first.</summary>
    public IReadOnlyList<(string Objection, double Probability)> Distribution(string text, string context = "")
    {
        var p = Predict(text, context);
        return Classes.Select((c, i) => (c, (double)p.Score[i])).OrderByDescending(x => x.Item2).ToList();
    }

    public IReadOnlyList<string> PredictMany(IEnumerable<ObjectionExample> rows)
    {
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(rows, SchemaDefinition.Create(typeof(ObjectionExample))));
        return scored.GetColumn<string>("PredictedObjection").ToList();
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, schema, stream);
        return stream.ToArray();
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : Microsoft.Extensions.ObjectPool.IPooledObjectPolicy<PredictionEngine<ObjectionExample, ObjectionPrediction>>
    {
        public PredictionEngine<ObjectionExample, ObjectionPrediction> Create() => ml.Model.CreatePredictionEngine<ObjectionExample, ObjectionPrediction>(transformer);

        public bool Return(PredictionEngine<ObjectionExample, ObjectionPrediction> obj) => true;
    }
}

public sealed class ObjectionPrediction
{
    public string PredictedObjection { get; set; } = "";
    public float[] Score { get; set; } = [];
}
