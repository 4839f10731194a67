using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StateJson = table.Column<string>(type: "TEXT", nullable: false),
                    TurnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
