using System.Runtime.InteropServices;
using SQLitePCL;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// SQLite's column getters called on a statement's pointer, without SQLitePCLRaw's layer: each of its calls counts a
/// reference on the statement's SafeHandle up and down and goes through its provider interface, which cost more than the
/// getter itself over fourteen million answers of seven columns. Used only when the library SQLitePCLRaw loaded is the
/// one these calls reach (<see cref="Available"/>); otherwise readers keep to SQLitePCLRaw.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    private static readonly Lazy<bool> SameLibrary = new(IsSameLibrary);

    /// <summary>True when SQLitePCLRaw's provider is e_sqlite3 and this assembly resolves the same loaded library.</summary>
    public static bool Available => SameLibrary.Value;

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, EntryPoint = "sqlite3_column_int64")]
    public static extern long ColumnInt64(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, EntryPoint = "sqlite3_column_double")]
    public static extern double ColumnDouble(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, EntryPoint = "sqlite3_column_type")]
    public static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, EntryPoint = "sqlite3_column_blob")]
    public static extern IntPtr ColumnBlob(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, EntryPoint = "sqlite3_column_bytes")]
    public static extern int ColumnBytes(IntPtr statement, int column);

    private static bool IsSameLibrary()
    {
        try
        {
            // Resolved for the provider's assembly and for this one (each with its import resolver, if any): the same
            // handle means the same loaded library, whose functions may then be given the provider's statements.
            return raw.GetNativeLibraryName() == Library
                && NativeLibrary.Load(Library, typeof(SQLite3Provider_e_sqlite3).Assembly, null) == NativeLibrary.Load(Library, typeof(SqliteNative).Assembly, null);
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }
}
