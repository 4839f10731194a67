using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Stores seeded before demo marks existed: the bundled campaign's leads are the demo leads.
            migrationBuilder.Sql("UPDATE \"leads\" SET \"IsDemo\" = 1 WHERE \"Source\" = 'bank-marketing';");

            migrationBuilder.CreateTable(
                name: "crm_webhook_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WebhookId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Effect = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
