using CoproSurvey.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

/// <summary>The platform's columns beside Identity's own (which <c>IdentityUserContext</c> configures).</summary>
internal sealed class ResearcherConfiguration : IEntityTypeConfiguration<Researcher>
{
    public void Configure(EntityTypeBuilder<Researcher> builder)
    {
        builder.ToTable("Researchers");
        builder.Property(r => r.IsAdmin);
        builder.Property(r => r.IsDisabled);
        builder.Property(r => r.CreatedAt);
    }
}
