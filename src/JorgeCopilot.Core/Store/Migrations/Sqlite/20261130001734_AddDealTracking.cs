using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDealTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractedOn",
                table: "deals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsGenerated",
                table: "deals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LostFromStage",
                table: "deals",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContractedOn",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "IsGenerated",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "LostFromStage",
                table: "deals");
        }
    }
}
