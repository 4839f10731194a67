using JorgeCopilot.Core.Import;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.UnitTests.Import;

namespace JorgeCopilot.UnitTests.LeadScoring;

/// <summary>Training exports are read through the one mapping format, and its mistakes are named plainly.</summary>
public sealed class MappedLeadExportTests
{
    private const string Csv = "id,visits,source,score_by_sales,won\na1,3,web,9,Yes\na2,0,ads,1,No\na3,5,web,7,No\na4,1,,2,No\n";

    private static string Map(string target = "won", string positive = "yes", string extra = "") => TempFiles.Write("crm.map.json", $$"""
        {
          "kind": "training",
          "fields": [
            { "column": "id", "field": "externalId" },
            { "column": "visits", "type": "int", "label": "website visits" },
            { "column": "source", "type": "category" }
          ],
          "leakyColumns": [ { "column": "score_by_sales", "reason": "filled in after the call" } ],
          "target": { "column": "{{target}}", "positive": "{{positive}}" }{{extra}}
        }
        """);

    [Fact]
    public void Typed_fields_without_a_store_field_become_features_with_their_kind_and_label()
    {
        var data = TempFiles.Write("crm-export.csv", Csv);

        var export = MappedLeadExport.Read(data, Map());

        export.Dataset.ShouldBe("crm-export");
        export.Examples.Count.ShouldBe(4);
        export.Examples[0].Lead.Key.ShouldBe("a1");
        export.Examples[0].Lead.Attributes["visits"].ShouldBe("3");
        export.Examples[0].Lead.Attributes["source"].ShouldBe("web");
        export.Examples[0].Lead.Attributes.ShouldNotContainKey("score_by_sales");
        export.Examples[0].Lead.Attributes.ShouldNotContainKey("won");
        export.Examples.Select(e => e.Converted).ShouldBe([true, false, false, false]);
        export.Kinds["visits"].ShouldBe(LeadColumnKind.Numeric);
        export.Kinds["source"].ShouldBe(LeadColumnKind.Categorical);
        export.Labels["visits"].ShouldBe("website visits");
    }

    [Fact]
    public void Attributes_add_untyped_columns_and_their_null_values_reach_the_trainer()
    {
        var data = TempFiles.Write("crm.csv", "id,visits,city,won\na1,3,Select,yes\na2,1,Austin,no\n");

        var export = MappedLeadExport.Read(data, Map(extra: """, "attributes": { "include": ["*"], "exclude": ["id"], "nullValues": ["", "Select"] }"""));

        export.Examples[1].Lead.Attributes["city"].ShouldBe("Austin");
        export.MissingValues.ShouldContain("Select");
    }

    [Fact]
    public void A_target_column_missing_from_the_file_names_it_and_lists_the_columns()
    {
        var data = TempFiles.Write("crm.csv", Csv);

        var error = Should.Throw<ImportException>(() => MappedLeadExport.Read(data, Map(target: "Converted")));

        error.Message.ShouldBe("crm.csv: the target column 'Converted' is not in the header; columns are: id, visits, source, score_by_sales, won");
    }

    [Fact]
    public void A_positive_value_that_never_occurs_names_the_values_that_do_with_counts()
    {
        var data = TempFiles.Write("crm.csv", Csv);

        var error = Should.Throw<ImportException>(() => MappedLeadExport.Read(data, Map(positive: "1")));

        error.Message.ShouldBe("crm.csv: the positive value '1' never occurs in the target column 'won'; values that occur: 'No' (3), 'Yes' (1)");
    }

    [Fact]
    public void An_empty_target_cell_names_the_file_line_and_column()
    {
        var data = TempFiles.Write("crm.csv", "id,visits,source,score_by_sales,won\na1,3,web,9,yes\na2,0,ads,1,\n");

        var error = Should.Throw<ImportException>(() => MappedLeadExport.Read(data, Map()));

        error.Message.ShouldBe("crm.csv: line 3, column 'won': the target cell is empty (expected 'yes' or another value)");
    }

    [Fact]
    public void A_mapping_of_another_kind_says_which_kinds_can_be_trained_on()
    {
        var data = TempFiles.Write("crm.csv", Csv);
        var map = TempFiles.Write("sales.map.json", """{ "kind": "properties", "fields": [], "target": { "column": "won", "positive": "yes" } }""");

        var error = Should.Throw<MappingException>(() => MappedLeadExport.Read(data, map));

        error.Message.ShouldBe("mapping file sales.map.json: kind 'properties' cannot be trained on as leads; valid kinds here are training, leads");
    }

    [Fact]
    public void A_mapping_without_a_target_says_how_to_declare_one()
    {
        var data = TempFiles.Write("crm.csv", Csv);
        var map = TempFiles.Write("crm.map.json", """{ "kind": "training", "fields": [] }""");

        var error = Should.Throw<MappingException>(() => MappedLeadExport.Read(data, map));

        error.Message.ShouldContain("crm.map.json: the mapping has no target");
    }
}
