using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JorgeCopilot.Dashboard.Pages;

/// <summary>
/// The chat panel: the same <see cref="ICopilot"/> the channels use. A plain form post works without script; the page's
/// script posts the same form to the <c>Ask</c> handler and shows the answer in place. Both carry the antiforgery
/// token (Razor Pages validate it on every POST) and need the dashboard sign-in.
/// </summary>
public sealed class ChatModel(ICopilot copilot) : PageModel
{
    public const int MaxQuestionLength = 2000;

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string ConversationId { get; set; } = "";

    public StructuredAnswer? Reply { get; private set; }

    public void OnGet() => ConversationId = NewConversation();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Reply = await AskAsync(cancellationToken);
        return Page();
    }

    /// <summary>The answer alone, as an HTML fragment for the script.</summary>
    public async Task<IActionResult> OnPostAskAsync(CancellationToken cancellationToken)
    {
        var reply = await AskAsync(cancellationToken);
        return reply is null ? BadRequest() : Partial("_Answer", reply);
    }

    private async Task<StructuredAnswer?> AskAsync(CancellationToken cancellationToken)
    {
        var question = Question?.Trim();
        if (string.IsNullOrEmpty(question) || question.Length > MaxQuestionLength)
        {
            ConversationId = string.IsNullOrEmpty(ConversationId) ? NewConversation() : ConversationId;
            return null;
        }

        // The conversation is scoped to the signed-in user, so one user's follow-ups never read another's dialogue state.
        var conversation = $"dashboard:{User.Identity!.Name}:{(ConversationId.Length is > 0 and <= 64 ? ConversationId : NewConversation())}";
        var reply = await copilot.AskAsync(new CopilotRequest(conversation, question, "web", User.Identity.Name), cancellationToken);
        return reply.Answer;
    }

    private static string NewConversation() => Guid.NewGuid().ToString("N");
}
