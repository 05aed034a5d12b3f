using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Study>().WithMany().HasForeignKey(r => r.StudyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstrumentVersion>().WithMany().HasForeignKey(r => r.InstrumentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ResumeCode).IsUnique();
        builder.HasIndex(r => new { r.StudyId, r.Audience });
        // Date-range filters and "completed since" of one study.
        builder.HasIndex(r => new { r.StudyId, r.CompletedAt });
        builder.Property(r => r.ResumeCode).HasMaxLength(ResumeCodes.Length);
        builder.Property(r => r.ConsentVersion).HasMaxLength(64);
        builder.Property(r => r.InstrumentSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.TranslationSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Country).HasMaxLength(8);
        builder.Property(r => r.PolicyField).HasMaxLength(64);
        builder.Property(r => r.ServiceUnit).HasMaxLength(64);
        builder.Property(r => r.Language).HasMaxLength(16);
        builder.Ignore(r => r.IsCompleted);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).HasField("answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Tokens).WithOne().HasForeignKey(t => t.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Tokens).HasField("tokens").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
