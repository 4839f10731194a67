namespace JorgeCopilot.Core.Leads;

/// <summary>
/// Bumped after every committed write that adds, renames or removes leads (imports, CRM webhooks, demo removal), so
/// in-process caches of lead names (the planner's name index) rebuild on the next question instead of after their
/// lifetime. Other processes' writes are noticed through the store itself (see the planner directory).
/// </summary>
public sealed class LeadDirectoryChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Changed() => Interlocked.Increment(ref _version);
}
