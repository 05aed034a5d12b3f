using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class InstrumentVersionConfiguration : IEntityTypeConfiguration<InstrumentVersion>
{
    public void Configure(EntityTypeBuilder<InstrumentVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasOne<Study>().WithMany().HasForeignKey(v => v.StudyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.StudyId, v.Audience, v.Sha256 }).IsUnique();
        builder.Property(v => v.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Key).HasMaxLength(64);
        builder.Property(v => v.Version).HasMaxLength(32);
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
