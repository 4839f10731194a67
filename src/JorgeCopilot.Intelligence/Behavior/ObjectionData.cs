using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>Persuadee sentences of the 300 annotated Persuasion For Good dialogues as objection examples, with the persuader's previous sentence as context.</summary>
public static class ObjectionData
{
    public static List<ObjectionExample> Read(DataLocator data, ObjectionMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var sentences = CorpusFiles.AnnotatedSentences(data);
        var examples = new List<ObjectionExample>();
        var context = "";
        var dialogue = "";
        foreach (var s in sentences)
        {
            if (s.DialogueId != dialogue)
            {
                dialogue = s.DialogueId;
                context = "";
            }

            if (s.Role == 0)
            {
                context = s.Text;
                continue;
            }

            if (string.IsNullOrEmpty(s.PersuadeeLabel))
            {
                continue;
            }

            examples.Add(new ObjectionExample { Text = s.Text, Context = context, Label = map.Map(s.PersuadeeLabel), DialogueId = s.DialogueId });
        }

        return examples;
    }
}
