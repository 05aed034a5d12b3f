using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>Where a respondent stands given the answers and the pages submitted so far (pages are visible sections, 1-based).</summary>
internal sealed class ResponseProgress
{
    private readonly IReadOnlyDictionary<string, AnswerValue> answers;
    private readonly IReadOnlySet<string> submittedSections;

    public ResponseProgress(Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers, IReadOnlySet<string> submittedSections)
    {
        this.answers = answers;
        this.submittedSections = submittedSections;
        Pages = InstrumentNavigator.VisibleSections(instrument, answers);
        var firstOpen = Pages.Select((section, index) => (section, index)).FirstOrDefault(p => !IsDone(p.section));
        AllDone = firstOpen.section is null;
        NextPage = AllDone ? Math.Max(Pages.Count, 1) : firstOpen.index + 1;
    }

    public IReadOnlyList<Section> Pages { get; }

    public int PageCount => Pages.Count;

    /// <summary>The first visible page never submitted or with a required item unanswered; the last page when all are done.</summary>
    public int NextPage { get; }

    public bool AllDone { get; }

    public bool MayVisit(int page) => page >= 1 && page <= PageCount && page <= NextPage;

    /// <summary>The items of visible questions on visible pages: answers to anything else are stale.</summary>
    public IEnumerable<string> VisibleItemCodes() =>
        Pages.SelectMany(s => InstrumentNavigator.VisibleQuestions(s, answers)).SelectMany(q => q.ItemCodes);

    private bool IsDone(Section section) =>
        submittedSections.Contains(section.Code)
        && InstrumentNavigator.VisibleQuestions(section, answers)
            .Where(q => q.Required)
            .SelectMany(q => q.ItemCodes)
            .All(answers.ContainsKey);

    /// <summary>Removes answers that no longer apply, repeatedly, since a removed answer can hide further questions.</summary>
    public static IReadOnlyList<string> StaleItems(Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var remaining = new Dictionary<string, AnswerValue>(answers, StringComparer.Ordinal);
        var stale = new List<string>();
        while (true)
        {
            var visible = new ResponseProgress(instrument, remaining, new HashSet<string>()).VisibleItemCodes().ToHashSet(StringComparer.Ordinal);
            var hidden = remaining.Keys.Where(k => !visible.Contains(k)).ToList();
            if (hidden.Count == 0)
            {
                return stale;
            }

            foreach (var code in hidden)
            {
                remaining.Remove(code);
                stale.Add(code);
            }
        }
    }
}
