namespace CoproSurvey.Core.Datasets;

/// <summary>Why a cell of the dataset holds no value. Exports write each reason as its own declared code.</summary>
public enum MissingReason
{
    /// <summary>The respondent chose "don't know".</summary>
    DontKnow,

    /// <summary>
    /// The question was not shown: a display condition routed past it (its page or the question itself), or the
    /// instrument version the respondent was given does not have the item.
    /// </summary>
    NotAsked,

    /// <summary>A partial response stopped before submitting the item's page.</summary>
    NotReached,

    /// <summary>The question was shown and left empty.</summary>
    NotAnswered,

    /// <summary>The respondent chose "not applicable": the item does not apply to them (distinct from don't know).</summary>
    NotApplicable,
}

/// <summary>
/// The numeric codes data files write for the <see cref="MissingReason"/>s of one variable. They lie below every valid
/// value of the variable: with <c>m</c> the smaller of 0 and the floor of the variable's lowest valid value, don't know
/// is <c>m - 1</c>, not asked <c>m - 2</c>, not reached <c>m - 3</c>, not answered <c>m - 4</c> and not applicable
/// <c>m - 5</c> (added last, so that the first four codes of earlier exports keep their meaning); so a variable whose
/// values are all 0 or more (every Likert item, choice, 0/1 option column and score of the demo instruments) uses
/// -1 to -5. The codes are consecutive: one range declares them all (SPSS <c>MISSING VALUES</c>).
/// </summary>
public sealed record MissingCodes(double DontKnow, double NotAsked, double NotReached, double NotAnswered, double NotApplicable)
{
    /// <summary>-1 to -5: the codes of a variable whose values are never negative.</summary>
    public static MissingCodes Standard { get; } = Below(0);

    /// <summary>The codes of a variable whose valid values are at least <paramref name="lowestValid"/>.</summary>
    public static MissingCodes Below(double lowestValid)
    {
        var m = Math.Min(0, Math.Floor(lowestValid));
        return new MissingCodes(m - 1, m - 2, m - 3, m - 4, m - 5);
    }

    /// <summary>The lowest code (not applicable): with <see cref="DontKnow"/>, the bounds of the range of codes.</summary>
    public double Lowest => NotApplicable;

    public double CodeOf(MissingReason reason) => reason switch
    {
        MissingReason.DontKnow => DontKnow,
        MissingReason.NotAsked => NotAsked,
        MissingReason.NotReached => NotReached,
        MissingReason.NotAnswered => NotAnswered,
        MissingReason.NotApplicable => NotApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>The reasons with their codes, in the order of <see cref="MissingReason"/>.</summary>
    public IEnumerable<(MissingReason Reason, double Code)> All() =>
        Enum.GetValues<MissingReason>().Select(r => (r, CodeOf(r)));
}
