using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace CoproSurvey.Core.Accounts;

/// <summary>
/// Refuses passwords found in lists of leaked passwords (OWASP ASVS 5, V6.2): the 43,940 entries of 12 characters or
/// more among the million most common passwords of the OWASP SecLists project, compared without regard to case.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<Researcher>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public static bool IsCommon(string password) => Passwords.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<Researcher> manager, Researcher user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is one of the most common passwords and easy to guess. Please choose another, for example a few unrelated words.",
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CoproSurvey.Core.Accounts.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}

/// <summary>Passwords per OWASP ASVS 5: at least 12 characters, at most 128, no composition rules, not a common password.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }
}

/// <summary>Refuses passwords longer than <see cref="PasswordRules.MaximumLength"/> (long enough for any passphrase, short enough to hash cheaply).</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<Researcher>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Researcher> manager, Researcher user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRules.MaximumLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords can have at most {PasswordRules.MaximumLength} characters." })
            : IdentityResult.Success);
}
