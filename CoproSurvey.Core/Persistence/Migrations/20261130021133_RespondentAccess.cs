using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproSurvey.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RespondentAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsentVersion",
                table: "Responses",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ResponseAccessTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseAccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseAccessTokens_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAccessTokens_ResponseId",
                table: "ResponseAccessTokens",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAccessTokens_TokenHash",
                table: "ResponseAccessTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResponseAccessTokens");

            migrationBuilder.DropColumn(
                name: "ConsentVersion",
                table: "Responses");
        }
    }
}
