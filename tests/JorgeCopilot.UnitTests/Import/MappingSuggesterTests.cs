using JorgeCopilot.Core.Import;

namespace JorgeCopilot.UnitTests.Import;

public sealed class MappingSuggesterTests
{
    private static string Export()
    {
        var lines = new List<string> { "Lead ID;Created;Visits;Spend;Source;Notes;Converted" };
        for (var i = 0; i < 60; i++)
        {
            lines.Add($"L{i:000};2024-01-{i % 28 + 1:00};{i % 7};{i * 1.5:0.0};{(i % 3 == 0 ? "web" : i % 3 == 1 ? "ads" : "NA")};note number {i};{(i % 5 == 0 ? "Yes" : "No")}");
        }

        return TempFiles.Write("crm-leads.csv", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void A_suggested_mapping_infers_types_dates_categories_key_and_target_and_loads_as_written()
    {
        var file = Export();

        var json = MappingSuggester.Suggest(file);
        var mapping = MappingFile.Parse(json);

        mapping.Kind.ShouldBe("training");
        mapping.Format.Delimiter.ShouldBe(";");
        mapping.FieldFor("externalId")!.Column.ShouldBe("Lead ID");
        mapping.NaturalKey.ShouldBe(["externalId"]);
        mapping.FieldFor("createdAt")!.Type.ShouldBe(FieldType.Date);
        mapping.FieldFor("createdAt")!.Format.ShouldBe("yyyy-MM-dd");
        mapping.FieldFor("Visits")!.Type.ShouldBe(FieldType.Int);
        mapping.FieldFor("Spend")!.Type.ShouldBe(FieldType.Double);
        mapping.FieldFor("Source")!.Type.ShouldBe(FieldType.Category);
        mapping.FieldFor("Source")!.Values.ShouldBe(["ads", "web"]);
        mapping.FieldFor("Source")!.NullValues.ShouldContain("NA");
        mapping.FieldFor("Notes")!.Type.ShouldBe(FieldType.String);
        mapping.Target!.Column.ShouldBe("Converted");
        mapping.Target.Positive.ShouldBe("Yes");
        mapping.FieldFor("Converted").ShouldBeNull();
        // What it suggests reads the file it was suggested from.
        MappedFileReader.Read(file, mapping).Count().ShouldBe(60);
    }

    [Fact]
    public void A_leads_suggestion_maps_store_fields_and_an_unknown_kind_lists_the_valid_ones()
    {
        var file = TempFiles.Write("contacts.csv", "Contact Id,Full Name,Email,Phone\nc1,Ann Lee,a@x.io,555-0101\nc2,Bo Chen,b@x.io,555-0102\n");

        var mapping = MappingFile.Parse(MappingSuggester.Suggest(file, ImportKinds.Leads));

        mapping.FieldFor("externalId")!.Column.ShouldBe("Contact Id");
        mapping.FieldFor("displayName")!.Column.ShouldBe("Full Name");
        mapping.FieldFor("email")!.Column.ShouldBe("Email");
        mapping.FieldFor("phone")!.Column.ShouldBe("Phone");
        mapping.Constants["source"].ShouldBe("contacts");
        Should.Throw<MappingException>(() => MappingSuggester.Suggest(file, "lead")).Message
            .ShouldBe($"kind 'lead' is not valid for a suggestion; valid kinds are {string.Join(", ", MappingSuggester.Kinds)}");
    }
}
