using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.HasKey(a => a.Id);
        // The unique index is what keeps a refreshed or doubled submission from storing an item twice.
        builder.HasIndex(a => new { a.ResponseId, a.ItemCode }).IsUnique();
        builder.Property(a => a.ItemCode).HasMaxLength(64);
        // "One item over a study, by country, field and audience": the item's answers are found by ItemCode, and
        // ResponseId and Number ride along in the index (SQLite has no INCLUDE, so they are trailing key columns), so
        // the aggregate never reads the Answers table itself; each answer then joins its response by primary key for
        // StudyId, Country, PolicyField and Audience. Copying those four into every answer would make the index
        // narrower for one study but duplicate them a hundred times per response, and they would have to be kept in
        // step with the response; item codes are shared by few studies, so the join filters little that it has to read.
        builder.HasIndex(a => new { a.ItemCode, a.ResponseId, a.Number }).HasDatabaseName("IX_Answers_ItemCode_ResponseId_Number");
    }
}
