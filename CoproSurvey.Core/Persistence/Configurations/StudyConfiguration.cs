using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Countries).HasJsonConversion();
        builder.Property(s => s.PolicyFields).HasJsonConversion();
        builder.Property(s => s.Audiences).HasJsonConversion();
        builder.Property(s => s.Consent).HasJsonObjectConversion();
        builder.Property(s => s.Languages).HasJsonConversion();
        builder.Property(s => s.Translations).HasJsonConversion();
        builder.Ignore(s => s.IsOpen);
    }
}
