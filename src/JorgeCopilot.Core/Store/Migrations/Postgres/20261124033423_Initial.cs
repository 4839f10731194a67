using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Corpus = table.Column<string>(type: "text", nullable: false),
                    ExternalId = table.Column<string>(type: "text", nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: true),
                    OutcomeValue = table.Column<double>(type: "double precision", nullable: true),
                    Attributes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameIsGenerated = table.Column<bool>(type: "boolean", nullable: false),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Channel = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceRow = table.Column<int>(type: "integer", nullable: true),
                    Attributes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "market_series",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false),
                    Segment = table.Column<string>(type: "text", nullable: false),
                    Metric = table.Column<string>(type: "text", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_market_series", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Task = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Algorithm = table.Column<string>(type: "text", nullable: false),
                    DataWindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DataWindowEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DataDescription = table.Column<string>(type: "text", nullable: false),
                    MetricsJson = table.Column<string>(type: "text", nullable: false),
                    SchemaJson = table.Column<string>(type: "text", nullable: false),
                    ModelBytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    IsChampion = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "properties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParcelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "text", nullable: true),
                    Zip = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Bedrooms = table.Column<double>(type: "double precision", nullable: true),
                    Bathrooms = table.Column<double>(type: "double precision", nullable: true),
                    LivingSqft = table.Column<double>(type: "double precision", nullable: true),
                    LotSqft = table.Column<double>(type: "double precision", nullable: true),
                    Floors = table.Column<double>(type: "double precision", nullable: true),
                    YearBuilt = table.Column<int>(type: "integer", nullable: true),
                    YearRenovated = table.Column<int>(type: "integer", nullable: true),
                    Condition = table.Column<int>(type: "integer", nullable: true),
                    Grade = table.Column<int>(type: "integer", nullable: true),
                    View = table.Column<int>(type: "integer", nullable: true),
                    Waterfront = table.Column<bool>(type: "boolean", nullable: true),
                    AboveSqft = table.Column<double>(type: "double precision", nullable: true),
                    BasementSqft = table.Column<double>(type: "double precision", nullable: true),
                    NeighborLivingSqft = table.Column<double>(type: "double precision", nullable: true),
                    NeighborLotSqft = table.Column<double>(type: "double precision", nullable: true),
                    Attributes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_properties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_turns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    SpeakerRole = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Labels = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_turns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversation_turns_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lead_outcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadId = table.Column<long>(type: "bigint", nullable: false),
                    Converted = table.Column<bool>(type: "boolean", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lead_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lead_outcomes_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadId = table.Column<long>(type: "bigint", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_messages_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "text", nullable: false),
                    LeadId = table.Column<long>(type: "bigint", nullable: false),
                    PropertyId = table.Column<long>(type: "bigint", nullable: true),
                    Stage = table.Column<string>(type: "text", nullable: false),
                    ExpectedClose = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CommissionRate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    Commission = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deals_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_deals_properties_PropertyId",
                        column: x => x.PropertyId,
                        principalTable: "properties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "sales",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PropertyId = table.Column<long>(type: "bigint", nullable: false),
                    SaleDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SalePrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ListPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ListDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ListingAgent = table.Column<string>(type: "text", nullable: true),
                    Brokerage = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sales_properties_PropertyId",
                        column: x => x.PropertyId,
                        principalTable: "properties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conversation_turns_ConversationId_Index",
                table: "conversation_turns",
                columns: new[] { "ConversationId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversations_Corpus_ExternalId",
                table: "conversations",
                columns: new[] { "Corpus", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deals_ExternalId",
                table: "deals",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deals_LeadId",
                table: "deals",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_deals_PropertyId",
                table: "deals",
                column: "PropertyId");

            migrationBuilder.CreateIndex(
                name: "IX_lead_outcomes_Key",
                table: "lead_outcomes",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lead_outcomes_LeadId",
                table: "lead_outcomes",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_DisplayName",
                table: "leads",
                column: "DisplayName");

            migrationBuilder.CreateIndex(
                name: "IX_leads_Source_ExternalId",
                table: "leads",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_market_series_Metric_Region",
                table: "market_series",
                columns: new[] { "Metric", "Region" });

            migrationBuilder.CreateIndex(
                name: "IX_market_series_Source_Region_Segment_Metric_Month",
                table: "market_series",
                columns: new[] { "Source", "Region", "Segment", "Metric", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messages_ExternalId",
                table: "messages",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messages_LeadId_SentAt",
                table: "messages",
                columns: new[] { "LeadId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_Task_Version",
                table: "model_versions",
                columns: new[] { "Task", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_properties_Address",
                table: "properties",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_properties_ParcelId",
                table: "properties",
                column: "ParcelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_properties_Zip",
                table: "properties",
                column: "Zip");

            migrationBuilder.CreateIndex(
                name: "IX_sales_PropertyId_SaleDate",
                table: "sales",
                columns: new[] { "PropertyId", "SaleDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sales_SaleDate",
                table: "sales",
                column: "SaleDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_turns");

            migrationBuilder.DropTable(
                name: "deals");

            migrationBuilder.DropTable(
                name: "lead_outcomes");

            migrationBuilder.DropTable(
                name: "market_series");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "model_versions");

            migrationBuilder.DropTable(
                name: "sales");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "leads");

            migrationBuilder.DropTable(
                name: "properties");
        }
    }
}
