using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproSurvey.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Translations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "Studies",
                type: "TEXT",
                nullable: false,
                // Existing studies: an empty list (the source language only) until the study file is loaded again.
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "TranslationSha256",
                table: "Responses",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TranslationVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstrumentVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CanonicalJson = table.Column<string>(type: "TEXT", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranslationVersions_InstrumentVersions_InstrumentVersionId",
                        column: x => x.InstrumentVersionId,
                        principalTable: "InstrumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TranslationVersions_InstrumentVersionId_Language_Sha256",
                table: "TranslationVersions",
                columns: new[] { "InstrumentVersionId", "Language", "Sha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TranslationVersions");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "TranslationSha256",
                table: "Responses");
        }
    }
}
