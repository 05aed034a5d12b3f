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
    }
}
