using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class ConsentDeclineConfiguration : IEntityTypeConfiguration<ConsentDecline>
{
    public void Configure(EntityTypeBuilder<ConsentDecline> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<Study>().WithMany().HasForeignKey(d => d.StudyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Country).HasMaxLength(8);
        builder.Property(d => d.PolicyField).HasMaxLength(64);
    }
}
