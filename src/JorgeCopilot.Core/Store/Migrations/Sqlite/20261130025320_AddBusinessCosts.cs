using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBusinessCosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "business_costs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    Hours = table.Column<double>(type: "REAL", nullable: true),
                    LeadSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_costs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_business_costs_Category_Name_Month",
                table: "business_costs",
                columns: new[] { "Category", "Name", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_costs");
        }
    }
}
