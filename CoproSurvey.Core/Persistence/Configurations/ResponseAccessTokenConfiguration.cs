using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

internal sealed class ResponseAccessTokenConfiguration : IEntityTypeConfiguration<ResponseAccessToken>
{
    public void Configure(EntityTypeBuilder<ResponseAccessToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
