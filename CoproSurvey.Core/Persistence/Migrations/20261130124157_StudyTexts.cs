using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproSurvey.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StudyTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An empty JSON list, not an empty string, so that stored studies read back as having no translations
            // until start-up takes them over from the study file.
            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "Studies",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops the column itself: EF would rebuild the table from the model of StudyConsent, which was made
            // beside Translations and so lacks its Languages column, and the rebuild would drop that column too.
            migrationBuilder.Sql("""ALTER TABLE "Studies" DROP COLUMN "Translations";""");
        }
    }
}
