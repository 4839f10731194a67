using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCopilotDialogues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "copilot_dialogues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StateJson = table.Column<string>(type: "text", nullable: false),
                    TurnCount = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_copilot_dialogues", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_copilot_dialogues_ConversationId",
                table: "copilot_dialogues",
                column: "ConversationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_copilot_dialogues_UpdatedAt",
                table: "copilot_dialogues",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "copilot_dialogues");
        }
    }
}
