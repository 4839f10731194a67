using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCrmWebhooksAndDemoMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "leads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Stores seeded before demo marks existed: the bundled campaign's leads are the demo leads.
            migrationBuilder.Sql("UPDATE \"leads\" SET \"IsDemo\" = TRUE WHERE \"Source\" = 'bank-marketing';");

            migrationBuilder.CreateTable(
                name: "crm_webhook_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WebhookId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Effect = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_webhook_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leads_IsDemo",
                table: "leads",
                column: "IsDemo");

            migrationBuilder.CreateIndex(
                name: "IX_crm_webhook_events_ProcessedAt",
                table: "crm_webhook_events",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_crm_webhook_events_Provider_WebhookId",
                table: "crm_webhook_events",
                columns: new[] { "Provider", "WebhookId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_webhook_events");

            migrationBuilder.DropIndex(
                name: "IX_leads_IsDemo",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "leads");
        }
    }
}
