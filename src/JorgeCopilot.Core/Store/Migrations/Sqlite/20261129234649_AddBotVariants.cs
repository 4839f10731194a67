using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JorgeCopilot.Core.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBotVariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "variant_experiments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Goal = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_variant_experiments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "variant_arms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExperimentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Strategy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Trials = table.Column<long>(type: "INTEGER", nullable: false),
                    Successes = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_variant_arms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_variant_arms_variant_experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "variant_experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "served_variants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArmId = table.Column<long>(type: "INTEGER", nullable: false),
                    LeadId = table.Column<long>(type: "INTEGER", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Propensity = table.Column<double>(type: "REAL", nullable: false),
                    Tone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Counted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rewarded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_served_variants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_served_variants_variant_arms_ArmId",
                        column: x => x.ArmId,
                        principalTable: "variant_arms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_served_variants_ArmId_ServedAt",
                table: "served_variants",
                columns: new[] { "ArmId", "ServedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_served_variants_ServedId",
                table: "served_variants",
                column: "ServedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_variant_arms_ExperimentId_Segment_Strategy",
                table: "variant_arms",
                columns: new[] { "ExperimentId", "Segment", "Strategy" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_variant_experiments_Name",
                table: "variant_experiments",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "served_variants");

            migrationBuilder.DropTable(
                name: "variant_arms");

            migrationBuilder.DropTable(
                name: "variant_experiments");
        }
    }
}
