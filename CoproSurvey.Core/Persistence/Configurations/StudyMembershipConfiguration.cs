using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class StudyMembershipConfiguration : IEntityTypeConfiguration<StudyMembership>
{
    public void Configure(EntityTypeBuilder<StudyMembership> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasOne<Study>().WithMany().HasForeignKey(m => m.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Researcher>().WithMany().HasForeignKey(m => m.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.StudyId, m.ResearcherId }).IsUnique();
        builder.HasIndex(m => m.ResearcherId);
    }
}
