using System.Linq.Expressions;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>Payload filters of a search; null fields do not filter. Becomes the VectorData filter expression.</summary>
public sealed record ConversationFilter(string? Corpus = null, string? Outcome = null, string? Strategy = null, string? Channel = null,
    string? Kind = null)
{
    public Expression<Func<ConversationVector, bool>>? ToExpression()
    {
        var r = Expression.Parameter(typeof(ConversationVector), "r");
        Expression? body = null;
        void Equal(string? value, string member)
        {
            if (value is null)
            {
                return;
            }

            var test = Expression.Equal(Expression.Property(r, member), Expression.Constant(value));
            body = body is null ? test : Expression.AndAlso(body, test);
        }

        Equal(Corpus, nameof(ConversationVector.Corpus));
        Equal(Outcome, nameof(ConversationVector.Outcome));
        Equal(Channel, nameof(ConversationVector.Channel));
        Equal(Kind, nameof(ConversationVector.Kind));
        if (Strategy is not null)
        {
            var contains = Expression.Call(Expression.Property(r, nameof(ConversationVector.Strategies)),
                typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, Expression.Constant(Strategy));
            body = body is null ? contains : Expression.AndAlso(body, contains);
        }

        return body is null ? null : Expression.Lambda<Func<ConversationVector, bool>>(body, r);
    }
}
