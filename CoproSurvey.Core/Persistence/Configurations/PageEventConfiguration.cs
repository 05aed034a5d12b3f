using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class PageEventConfiguration : IEntityTypeConfiguration<PageEvent>
{
    public void Configure(EntityTypeBuilder<PageEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne<Response>().WithMany().HasForeignKey(e => e.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ResponseId, e.Kind });
        builder.Property(e => e.SectionCode).HasMaxLength(64);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
