using System.Linq.Expressions;
using Qdrant.Client.Grpc;
using Expression = System.Linq.Expressions.Expression;
using static Qdrant.Client.Grpc.Conditions;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>Translates the filter expressions <see cref="ConversationFilter"/> produces into a Qdrant <see cref="Filter"/>.</summary>
public static class QdrantFilter
{
    public static Filter From(Expression<Func<ConversationVector, bool>> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = new Filter();
        foreach (var condition in Conditions(filter.Body))
        {
            result.Must.Add(condition);
        }

        return result;
    }

    private static IEnumerable<Condition> Conditions(Expression body) => body switch
    {
        ConstantExpression { Value: true } => [],
        BinaryExpression { NodeType: ExpressionType.AndAlso } and => Conditions(and.Left).Concat(Conditions(and.Right)),
        BinaryExpression { NodeType: ExpressionType.Equal, Left: MemberExpression member } eq => [MatchKeyword(Field(member), Constant(eq.Right))],
        BinaryExpression { NodeType: ExpressionType.Equal, Right: MemberExpression member } eq => [MatchKeyword(Field(member), Constant(eq.Left))],
        MethodCallExpression { Method.Name: "Contains", Object: MemberExpression member } call => [MatchKeyword(Field(member), Constant(call.Arguments[0]))],
        _ => throw new NotSupportedException($"Filter '{body}' is not supported on Qdrant: use equality on a payload field, Strategies.Contains(x) and &&."),
    };

    private static string Field(MemberExpression member) => member.Member.Name switch
    {
        nameof(ConversationVector.Corpus) => "corpus",
        nameof(ConversationVector.Kind) => "kind",
        nameof(ConversationVector.Outcome) => "outcome",
        nameof(ConversationVector.Channel) => "channel",
        nameof(ConversationVector.Strategies) => "strategies",
        nameof(ConversationVector.ExternalId) => "external_id",
        var other => throw new NotSupportedException($"'{other}' is not a filterable payload field."),
    };

    private static string Constant(Expression expression) =>
        Expression.Lambda(expression).Compile().DynamicInvoke() as string
        ?? throw new NotSupportedException("Filter values must be strings.");
}
