using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(1024);
        builder.HasOne<Study>().WithMany().HasForeignKey(e => e.StudyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.StudyId, e.Id });
    }
}
