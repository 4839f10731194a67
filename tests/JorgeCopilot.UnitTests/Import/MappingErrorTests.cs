using JorgeCopilot.Core.Import;

namespace JorgeCopilot.UnitTests.Import;

/// <summary>Every mapping mistake says where (file, line, column), what was found and what is valid.</summary>
public sealed class MappingErrorTests
{
    [Fact]
    public void A_wrong_type_name_names_the_file_the_json_line_and_column_and_the_valid_types()
    {
        var map = TempFiles.Write("leads.map.json", """
            {
              "kind": "training",
              "fields": [
                { "column": "age", "type": "integer" }
              ],
              "target": { "column": "y", "positive": "yes" }
            }
            """);

        var error = Should.Throw<MappingException>(() => MappingFile.Load(map));

        error.Message.ShouldContain(map);
        error.Message.ShouldContain("line 4, column");
        error.Message.ShouldContain("type 'integer' is not valid");
        error.Message.ShouldContain("valid types are string, int, double, decimal, bool, date, datetime, category");
    }

    [Fact]
    public void A_wrong_kind_names_the_valid_kinds_with_the_line()
    {
        var map = TempFiles.Write("x.map.json", "{\n  \"kind\": \"lead\",\n  \"fields\": []\n}\n");

        var error = Should.Throw<MappingException>(() => MappingFile.Load(map));

        error.Message.ShouldBe($"mapping file {map}: line 2, column 11: kind 'lead' is not valid; valid kinds are {string.Join(", ", ImportKinds.All)}");
    }

    [Fact]
    public void A_mapping_of_the_retired_lead_export_format_says_it_has_no_kind_rather_than_a_dotnet_member_error()
    {
        var map = TempFiles.Write("old.map.json", """{ "dataset": "crm", "target": { "column": "y", "positive": "yes" } }""");

        var error = Should.Throw<MappingException>(() => MappingFile.Load(map));

        error.Message.ShouldContain($"mapping file {map}: the mapping has no 'kind'; valid kinds are leads, messages");
        error.Message.ShouldContain("retired lead-export mapping");
        error.Message.ShouldNotContain(".NET");
    }

    [Fact]
    public void An_unknown_setting_lists_the_settings_valid_at_that_place()
    {
        var map = TempFiles.Write("x.map.json", """
            {
              "kind": "training",
              "fields": [ { "column": "age", "kind": "int" } ]
            }
            """);

        var error = Should.Throw<MappingException>(() => MappingFile.Load(map));

        error.Message.ShouldContain(map);
        error.Message.ShouldContain("line 3");
        error.Message.ShouldContain("'kind' is not a mapping setting; valid settings here are column, columns, template, field, label, type");
        error.Message.ShouldNotContain("could not be mapped");
    }
}
