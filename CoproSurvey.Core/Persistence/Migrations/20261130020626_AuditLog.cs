using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproSurvey.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StudyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEvents_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_StudyId_Id",
                table: "AuditEvents",
                columns: new[] { "StudyId", "Id" });

            // The log is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoDelete BEFORE DELETE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
            migrationBuilder.DropTable(
                name: "AuditEvents");
        }
    }
}
