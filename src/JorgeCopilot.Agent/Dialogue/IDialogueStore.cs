namespace JorgeCopilot.Agent.Dialogue;

/// <summary>Per-conversation dialogue state. The store-backed one is the default so replicas share it.</summary>
public interface IDialogueStore
{
    Task<DialogueState> LoadAsync(string conversationId, CancellationToken cancellationToken);

    Task SaveAsync(string conversationId, DialogueState state, CancellationToken cancellationToken);
}

/// <summary>Process-local state for runs that must not write to the user's store (the routing eval).</summary>
public sealed class InMemoryDialogueStore : IDialogueStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);

    public Task<DialogueState> LoadAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(conversationId, out var json) ? DialogueJson.Read(json) : new DialogueState());

    public Task SaveAsync(string conversationId, DialogueState state, CancellationToken cancellationToken)
    {
        _states[conversationId] = DialogueJson.Write(state);
        return Task.CompletedTask;
    }
}
