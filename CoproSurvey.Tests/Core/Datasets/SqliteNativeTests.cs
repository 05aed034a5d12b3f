using CoproSurvey.Core.Datasets;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Datasets;

public sealed class SqliteNativeTests
{
    [Fact]
    public void Available_IsTrue_WhereSqlitePclRawLoadedTheBundledLibrary()
    {
        // Arrange: any SQLite connection makes SQLitePCLRaw load its provider.
        using var database = SqliteDatabase.InMemory();

        // Act
        var available = SqliteNative.Available;

        // Assert: the export's answers are read with the direct getters in the tests as in the app.
        Assert.True(available);
    }
}
