using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class TranslationVersionConfiguration : IEntityTypeConfiguration<TranslationVersion>
{
    public void Configure(EntityTypeBuilder<TranslationVersion> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne<InstrumentVersion>().WithMany().HasForeignKey(t => t.InstrumentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.InstrumentVersionId, t.Language, t.Sha256 }).IsUnique();
        builder.Property(t => t.Language).HasMaxLength(16);
        builder.Property(t => t.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
    }
}
