using System.Text.RegularExpressions;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Responses;

public class RespondentPrivacyTests
{
    [Theory]
    [InlineData(typeof(Response))]
    [InlineData(typeof(Answer))]
    [InlineData(typeof(PageEvent))]
    [InlineData(typeof(ConsentDecline))]
    [InlineData(typeof(ResponseAccessToken))]
    [InlineData(typeof(AuditEvent))]
    public void RespondentData_HasNoColumnForAnIpAddressOrDevice_Ever(Type entity)
    {
        // Arrange
        using var database = SqliteDatabase.InMemory();
        using var db = database.CreateContext();

        // Act
        var columns = db.Model.FindEntityType(entity)!.GetProperties().Select(p => p.Name).ToList();

        // Assert: no word of a column name is one that would hold where or on what a respondent answered.
        var words = columns.SelectMany(c => Regex.Matches(c, "[A-Z][a-z0-9]*").Select(m => m.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.NotEmpty(columns);
        Assert.Empty(words.Intersect(["Ip", "Address", "Host", "Agent", "Browser", "Device", "Forwarded", "Remote", "Fingerprint"], StringComparer.OrdinalIgnoreCase));
    }
}
