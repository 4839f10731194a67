using JorgeCopilot.Core.Import;

namespace JorgeCopilot.UnitTests.Import;

public sealed class MappedFileReaderTests
{
    private const string LeadsMapping = """
        {
          "kind": "leads",
          "format": { "type": "csv", "delimiter": ";", "header": true },
          "constants": { "source": "crm" },
          "fields": [
            { "template": "row-{row:000}", "field": "externalId", "required": true },
            { "column": "age", "type": "int", "required": true },
            { "column": "month", "field": "createdAt", "type": "date", "format": "month-sequence", "startYear": 2008 },
            { "column": "signed", "field": "signedOn", "type": "date", "format": "yyyy-MM-dd" },
            { "column": "contact", "field": "channel", "type": "category", "values": ["cellular", "telephone"] }
          ],
          "naturalKey": ["externalId"],
          "leakyColumns": [ { "column": "duration", "reason": "known only after the call" } ],
          "target": { "column": "y", "positive": "yes" },
          "attributes": { "include": ["*"], "exclude": ["signed"] }
        }
        """;

    private static MappingFile Leads() => MappingFile.Parse(LeadsMapping);

    private static List<MappedRow> ReadAll(string file, MappingFile mapping) => MappedFileReader.Read(file, mapping).ToList();

    [Fact]
    public void Typed_rows_carry_fields_attributes_target_and_position()
    {
        var file = TempFiles.Write("leads.csv", "age;month;signed;contact;duration;y\n30;\"nov\";2008-11-03;cellular;120;yes\n41;dec;;telephone;5;no\n52;mar;;cellular;0;no\n");

        var rows = ReadAll(file, Leads());

        rows.Count.ShouldBe(3);
        rows[0].GetString("externalId").ShouldBe("row-001");
        rows[0].GetInt("age").ShouldBe(30);
        rows[0].Get<DateOnly>("signedOn").ShouldBe(new DateOnly(2008, 11, 3));
        rows[0].GetString("source").ShouldBe("crm");
        rows[0].Target.ShouldBe(true);
        rows[1].Target.ShouldBe(false);
        rows[1].Has("signedOn").ShouldBeFalse();
        rows[2].Line.ShouldBe(4);
        rows[2].Row.ShouldBe(3);
        // The month goes back from dec to mar, so the year advances.
        rows.Select(r => r.Get<DateOnly>("createdAt")).ShouldBe([new(2008, 11, 1), new(2008, 12, 1), new(2009, 3, 1)]);
    }

    [Fact]
    public void Leaky_columns_and_the_target_are_never_attributes_nor_features()
    {
        var file = TempFiles.Write("leads.csv", "age;month;signed;contact;duration;y\n30;nov;;cellular;120;yes\n");
        var mapping = Leads();

        var row = ReadAll(file, mapping).Single();

        row.Attributes.Keys.ShouldBe(["age", "month", "contact"], ignoreOrder: true);
        mapping.FeatureColumns(MappedFileReader.ReadHeader(file, mapping)).ShouldBe(["age", "month", "signed", "contact"], ignoreOrder: true);
    }

    [Fact]
    public void Gzip_files_are_read_transparently()
    {
        var file = TempFiles.Write("leads.csv.gz", "age;month;signed;contact;duration;y\n30;nov;;cellular;1;no\n");

        ReadAll(file, Leads()).Single().GetInt("age").ShouldBe(30);
    }

    [Fact]
    public void A_wrong_type_names_file_line_column_and_value()
    {
        var file = TempFiles.Write("leads.csv", "age;month;signed;contact;duration;y\n30;nov;;cellular;1;no\nabc;nov;;cellular;1;no\n");

        var error = Should.Throw<ImportException>(() => ReadAll(file, Leads()));

        error.Line.ShouldBe(3);
        error.Column.ShouldBe("age");
        error.Message.ShouldBe("leads.csv: line 3, column 'age': \"abc\" is not an int");
    }

    [Fact]
    public void A_bad_date_is_reported_with_its_format()
    {
        var file = TempFiles.Write("leads.csv", "age;month;signed;contact;duration;y\n30;nov;2008-13-45;cellular;1;no\n");

        var error = Should.Throw<ImportException>(() => ReadAll(file, Leads()));

        error.Line.ShouldBe(2);
        error.Column.ShouldBe("signed");
        error.Reason.ShouldContain("yyyy-MM-dd");
    }

    [Fact]
    public void A_missing_required_column_is_reported_against_the_header()
    {
        var file = TempFiles.Write("leads.csv", "month;signed;contact;duration;y\nnov;;cellular;1;no\n");

        var error = Should.Throw<ImportException>(() => ReadAll(file, Leads()));

        error.Line.ShouldBe(1);
        error.Column.ShouldBe("age");
        error.Reason.ShouldContain("required column");
    }

    [Fact]
    public void A_blank_required_value_is_an_error()
    {
        var file = TempFiles.Write("leads.csv", "age;month;signed;contact;duration;y\n;nov;;cellular;1;no\n");

        Should.Throw<ImportException>(() => ReadAll(file, Leads())).Reason.ShouldBe("a value is required");
    }

    [Fact]
    public void A_value_outside_its_category_is_an_error()
    {
        var file = TempFiles.Write("leads.csv", "age;month;signed;contact;duration;y\n30;nov;;pigeon;1;no\n");

        Should.Throw<ImportException>(() => ReadAll(file, Leads())).Column.ShouldBe("contact");
    }

    [Fact]
    public void A_duplicate_natural_key_names_both_lines()
    {
        var mapping = MappingFile.Parse("""
            { "kind": "properties", "fields": [ { "column": "id", "field": "parcelId", "required": true }, { "column": "price", "type": "decimal" } ],
              "naturalKey": ["parcelId"] }
            """);
        var file = TempFiles.Write("homes.csv", "id,price\n0001,100\n0002,200\n0001,300\n");

        var error = Should.Throw<ImportException>(() => ReadAll(file, mapping));

        error.Line.ShouldBe(4);
        error.Column.ShouldBe("id");
        error.Reason.ShouldContain("duplicate natural key (parcelId=0001); first seen on line 2");
    }

    [Fact]
    public void An_empty_file_and_a_header_without_rows_are_errors()
    {
        Should.Throw<ImportException>(() => ReadAll(TempFiles.Write("empty.csv", ""), Leads())).Reason.ShouldBe("the file is empty");
        Should.Throw<ImportException>(() => ReadAll(TempFiles.Write("header.csv", "age;month;signed;contact;duration;y\n"), Leads()))
            .Reason.ShouldBe("the file has no data rows");
    }

    [Fact]
    public void A_wrong_delimiter_is_detected_from_the_header()
    {
        var file = TempFiles.Write("leads.csv", "age,month,signed,contact,duration,y\n30,nov,,cellular,1,no\n");

        var error = Should.Throw<ImportException>(() => ReadAll(file, Leads()));

        error.Line.ShouldBe(1);
        error.Reason.ShouldContain("wrong delimiter");
        error.Reason.ShouldContain("comma");
    }

    [Fact]
    public void A_row_with_too_many_fields_is_an_error()
    {
        var file = TempFiles.Write("leads.csv", "age;month;signed;contact;duration;y\n30;nov;;cellular;1;no;extra\n");

        Should.Throw<ImportException>(() => ReadAll(file, Leads())).Reason.ShouldContain("7 fields but the header has 6");
    }

    [Fact]
    public void Wide_files_become_one_row_per_filled_cell_and_errors_name_the_cell_column()
    {
        var mapping = MappingFile.Parse("""
            { "kind": "series",
              "format": { "wide": { "columnsMatching": "^\\d{1,2}/\\d{1,2}/\\d{4}$", "nameAs": "month_end", "valueAs": "value" } },
              "constants": { "source": "zillow", "metric": "zhvi", "segment": "" },
              "fields": [ { "column": "RegionName", "field": "region", "required": true },
                          { "column": "month_end", "field": "month", "type": "date", "format": "M/d/yyyy", "required": true },
                          { "column": "value", "type": "double", "required": true } ],
              "naturalKey": ["region", "month"] }
            """);
        var good = TempFiles.Write("wide.csv", "RegionID,RegionName,1/31/2000,2/29/2000\n1,\"Seattle, WA\",100.5,\n2,Tacoma,90,91\n");
        var bad = TempFiles.Write("wide.csv", "RegionID,RegionName,1/31/2000,2/29/2000\n1,Seattle,100.5,x\n");

        var rows = ReadAll(good, mapping);

        rows.Select(r => (r.GetString("region"), r.Get<DateOnly>("month"), r.GetDouble("value"))).ShouldBe([
            ("Seattle, WA", new DateOnly(2000, 1, 31), 100.5), ("Tacoma", new DateOnly(2000, 1, 31), 90), ("Tacoma", new DateOnly(2000, 2, 29), 91)]);
        var error = Should.Throw<ImportException>(() => ReadAll(bad, mapping));
        error.Column.ShouldBe("2/29/2000");
        error.Line.ShouldBe(2);
    }

    [Fact]
    public void Templates_use_mapped_values_and_filters_skip_rows()
    {
        var mapping = MappingFile.Parse("""
            { "kind": "series", "format": { "delimiter": "\\t" },
              "where": [ { "column": "keep", "equalTo": "1" } ],
              "fields": [ { "column": "sa", "type": "category", "map": { "t": "sa", "f": "nsa" } },
                          { "template": "{type}|{sa}", "field": "segment" } ] }
            """);
        var file = TempFiles.Write("series.tsv", "type\tsa\tkeep\nCondo\tt\t1\nTownhouse\tf\t0\nAll\tf\t1\n");

        ReadAll(file, mapping).Select(r => r.GetString("segment")).ShouldBe(["Condo|sa", "All|nsa"]);
    }

    [Fact]
    public void Json_records_yield_rows_with_record_paths_annotations_and_sums()
    {
        var mapping = MappingFile.Parse("""
            { "kind": "conversations",
              "format": { "type": "json", "json": { "rowsPath": "chat_logs", "annotations": { "path": "annotations", "matchColumn": "text", "as": "labels" } } },
              "fields": [ { "column": "$.dialogue_id", "field": "conversationId", "required": true },
                          { "column": "id", "field": "speakerRole", "required": true },
                          { "columns": ["labels"], "field": "labels" },
                          { "column": "$.chat_logs[-1].text", "field": "succeeded", "type": "bool", "trueValues": ["Accept-Deal"], "falseValues": ["Walk-Away"] },
                          { "columns": ["$.points.a", "$.points.b"], "field": "outcomeValue", "type": "double" } ] }
            """);
        var file = TempFiles.Write("dialogues.json", """
            [ { "dialogue_id": 7, "points": { "a": 20, "b": 15 },
                "chat_logs": [ { "text": "I need water", "id": "agent_1" }, { "text": "Accept-Deal", "id": "agent_2" } ],
                "annotations": [ ["I need water", "self-need,small-talk"] ] } ]
            """);

        var rows = ReadAll(file, mapping);

        rows.Count.ShouldBe(2);
        rows[0].GetString("conversationId").ShouldBe("7");
        rows[0].Get<List<string>>("labels").ShouldBe(["self-need", "small-talk"]);
        rows[1].Get<List<string>>("labels").ShouldBeEmpty();
        rows[0].Get<bool>("succeeded").ShouldBeTrue();
        rows[0].GetDouble("outcomeValue").ShouldBe(35);
    }

    [Fact]
    public void Yaml_and_json_mappings_load_the_same_model()
    {
        var dir = Directory.CreateTempSubdirectory("jorge-map-").FullName;
        var yaml = Path.Combine(dir, "leads.map.yaml");
        File.WriteAllText(yaml, """
            kind: leads
            format: { type: csv, delimiter: ";" }
            fields:
              - column: age
                type: int
                required: true
            leakyColumns:
              - column: duration
                reason: known only after the call
            target: { column: y, positive: "yes" }
            """);

        var mapping = MappingFile.Load(yaml);

        mapping.Format.DelimiterChar().ShouldBe(';');
        mapping.Fields.Single().Type.ShouldBe(FieldType.Int);
        mapping.IsLeaky("duration").ShouldBeTrue();
        mapping.Target!.Positive.ShouldBe("yes");
    }

    [Fact]
    public void Broken_mappings_fail_before_any_row_is_read()
    {
        Should.Throw<MappingException>(() => MappingFile.Parse("""{ "kind": "pets" }""")).Message.ShouldContain("kind 'pets'");
        Should.Throw<MappingException>(() => MappingFile.Parse("""
            { "kind": "leads", "fields": [ { "column": "duration", "type": "int" } ], "leakyColumns": [ { "column": "duration", "reason": "after the call" } ] }
            """)).Message.ShouldContain("leaky");
        Should.Throw<MappingException>(() => MappingFile.Parse("""
            { "kind": "leads", "leakyColumns": [ { "column": "duration" } ] }
            """)).Message.ShouldContain("reason");
        Should.Throw<MappingException>(() => MappingFile.Parse("""
            { "kind": "leads", "naturalKey": ["externalId"] }
            """)).Message.ShouldContain("externalId");
    }
}
