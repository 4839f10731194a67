using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>REST: <c>GET /api/v1/conversations/search</c>.</summary>
public static class ConversationsEndpoints
{
    public const int MaxTop = 20;

    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/v1/conversations").WithTags("Conversations")
            .MapGet("/search", SearchAsync)
            .WithName("SearchConversations")
            .WithSummary("Past conversations or objection turns most similar to a text, hybrid (TF-IDF vectors + BM25), with payload filters")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    internal static async Task<Results<Ok<ConversationSearchResult>, ProblemHttpResult>> SearchAsync(string? q, string? corpus, string? outcome,
        string? strategy, string? channel, string? kind, int? top, string? mode, IConversationSearch search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Invalid("q is required: the text to match.");
        }

        var take = top ?? 5;
        if (take is < 1 or > MaxTop)
        {
            return Invalid($"top must be between 1 and {MaxTop}; got {take}.");
        }

        if (Filter(corpus, outcome ?? Outcomes.Won, strategy, channel, kind ?? ConversationKinds.Conversation) is not { } filter)
        {
            return Invalid("outcome must be won, lost, unknown or any; kind must be conversation or turn.");
        }

        RankingMode ranking;
        if (mode is null)
        {
            ranking = RankingMode.Hybrid;
        }
        else if (!Enum.TryParse(mode, ignoreCase: true, out ranking) || !Enum.IsDefined(ranking))
        {
            return Invalid("mode must be hybrid or vector.");
        }

        return TypedResults.Ok(await search.SearchAsync(new ConversationQuery(q, filter, take, ranking), cancellationToken));
    }

    /// <summary>Validated filter; null when outcome or kind is not one of the known values. "any" and empty mean no filter.</summary>
    internal static ConversationFilter? Filter(string? corpus, string? outcome, string? strategy, string? channel, string? kind)
    {
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) || s.Equals("any", StringComparison.OrdinalIgnoreCase) ? null : s.Trim();
        var o = Blank(outcome)?.ToLowerInvariant();
        var k = Blank(kind)?.ToLowerInvariant();
        if (o is not (null or Outcomes.Won or Outcomes.Lost or Outcomes.Unknown) || k is not (null or ConversationKinds.Conversation or ConversationKinds.Turn))
        {
            return null;
        }

        return new ConversationFilter(Blank(corpus), o, Blank(strategy), Blank(channel), k);
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid search", detail: detail);
}
