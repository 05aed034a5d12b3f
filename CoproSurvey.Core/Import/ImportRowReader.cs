using System.Globalization;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Core.Import;

/// <summary>What an import needs to know about the study, read once.</summary>
internal sealed class ImportContext(
    Study study,
    HashSet<int> usedIds,
    DatasetLayout layout,
    IReadOnlyDictionary<string, int> versionIds,
    IReadOnlyDictionary<Audience, string> current,
    IReadOnlyDictionary<string, IReadOnlyList<ImportTranslation>> translations)
{
    private readonly Dictionary<string, VersionInfo> versions = new(StringComparer.Ordinal);

    public Study Study { get; } = study;

    /// <summary>Response ids the database has, and those of the file's rows read so far.</summary>
    public HashSet<int> UsedIds { get; } = usedIds;

    public DatasetLayout Layout { get; } = layout;

    /// <summary>Database id of each instrument version, by SHA-256.</summary>
    public IReadOnlyDictionary<string, int> VersionIds { get; } = versionIds;

    /// <summary>SHA-256 of the current version of each audience: rows that name no version take it.</summary>
    public IReadOnlyDictionary<Audience, string> Current { get; } = current;

    /// <summary>
    /// Every translation of the study's questionnaire versions, by its SHA-256 (an unchanged translation file can serve
    /// two versions of a questionnaire, so one SHA-256 may name several).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ImportTranslation>> Translations { get; } = translations;

    public VersionInfo Version(Instrument instrument)
    {
        if (!versions.TryGetValue(instrument.Sha256, out var info))
        {
            info = new VersionInfo(instrument);
            versions.Add(instrument.Sha256, info);
        }

        return info;
    }
}

/// <summary>A stored translation: the questionnaire version it translates (its database id) and its language.</summary>
internal sealed record ImportTranslation(int InstrumentVersionId, string Language);

/// <summary>An instrument version with its items and pages indexed.</summary>
internal sealed class VersionInfo(Instrument instrument)
{
    public Instrument Instrument { get; } = instrument;

    public IReadOnlyDictionary<string, ItemRef> Items { get; } = instrument.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);

    /// <summary>Position of each page (section) in the questionnaire, by code.</summary>
    public IReadOnlyDictionary<string, int> SectionIndex { get; } =
        instrument.Sections.Select((s, i) => (s.Code, i)).ToDictionary(s => s.Code, s => s.i, StringComparer.Ordinal);
}

/// <summary>Which column of the file holds what.</summary>
internal sealed class ImportHeader
{
    private ImportHeader()
    {
    }

    /// <summary>Column index of each metadata column present.</summary>
    public Dictionary<string, int> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>(column index, index into <see cref="DatasetLayout.Values"/>) of each item and option column present; scores left out.</summary>
    public List<(int Column, int Variable)> Values { get; } = [];

    /// <summary>(column index, index into <see cref="DatasetLayout.Texts"/>) of each open-answer column present.</summary>
    public List<(int Column, int Variable)> Texts { get; } = [];

    public List<ImportProblem> Problems { get; } = [];

    public IReadOnlyList<string> Names { get; private set; } = [];

    public static ImportHeader Read(IReadOnlyList<string> names, DatasetLayout layout)
    {
        var header = new ImportHeader { Names = names };
        var metadata = DatasetLayout.MetadataColumns.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var values = layout.Values.Select((v, i) => (v, i)).ToDictionary(x => x.v.Name, x => x.i, StringComparer.Ordinal);
        var texts = layout.Texts.Select((v, i) => (v, i)).ToDictionary(x => x.v.Name, x => x.i, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Count; c++)
        {
            var name = names[c];
            if (!seen.Add(name))
            {
                header.Problems.Add(new ImportProblem(1, name, "this column appears twice."));
            }
            else if (metadata.Contains(name))
            {
                header.Metadata[name] = c;
            }
            else if (values.TryGetValue(name, out var v))
            {
                if (layout.Values[v].Kind != DatasetVariableKind.ScaleScore)
                {
                    header.Values.Add((c, v));
                }
            }
            else if (texts.TryGetValue(name, out var t))
            {
                header.Texts.Add((c, t));
            }
            else
            {
                header.Problems.Add(new ImportProblem(
                    1, name, $"study '{layout.StudyKey}' has no such column: not a metadata column (response_id, audience, country, ...), nor an item, option or score of its questionnaires."));
            }
        }

        if (!header.Metadata.ContainsKey("audience"))
        {
            header.Problems.Add(new ImportProblem(1, "audience", "the file has no audience column (citizen or professional); every row needs one."));
        }

        return header;
    }
}

/// <summary>A row that passed every check, ready to store.</summary>
internal sealed record ImportedRow(
    int? ResponseId,
    Instrument Instrument,
    RespondentContext Context,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<AnswerValue> Answers,
    int LastPage,
    IReadOnlyList<string> SubmittedSections,
    string? TranslationSha256);

/// <summary>Reads and checks one row of an import; problems go to the list, and a row with any yields null.</summary>
internal static class ImportRowReader
{
    public static ImportedRow? Read(ImportContext context, ImportHeader header, string?[] cells, int row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Problem(string? column, string message) => problems.Add(new ImportProblem(row, column, message));
        string? Meta(string name) => header.Metadata.TryGetValue(name, out var c) ? Blank(cells[c]) : null;

        int? responseId = null;
        if (Meta("response_id") is { } idText)
        {
            if (int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                responseId = id;
                if (!context.UsedIds.Add(id))
                {
                    Problem("response_id", $"response {id} is already in the database or earlier in this file.");
                }
            }
            else
            {
                Problem("response_id", $"'{idText}' is not a response id (a whole number from 1); leave it empty for a new response.");
            }
        }

        var study = context.Study;
        Audience? audience = null;
        switch (Meta("audience"))
        {
            case null:
                Problem("audience", "empty; write citizen or professional.");
                break;
            case var text when text.All(char.IsAsciiLetter) && Enum.TryParse<Audience>(text, ignoreCase: true, out var parsed):
                audience = parsed;
                break;
            case var text:
                Problem("audience", $"'{text}' is not an audience; write citizen or professional.");
                break;
        }

        Instrument? instrument = null;
        if (Meta("instrument_sha256") is { } sha)
        {
            instrument = context.Layout.FindVersion(sha.ToLowerInvariant());
            if (instrument is null)
            {
                Problem("instrument_sha256", $"'{sha}' is not the SHA-256 of any questionnaire version of study '{study.Key}'.");
            }
        }
        else if (audience is { } a)
        {
            instrument = context.Current.TryGetValue(a, out var currentSha) ? context.Layout.FindVersion(currentSha) : null;
            if (instrument is null)
            {
                Problem("audience", $"study '{study.Key}' has no questionnaire for the {a.ToString().ToLowerInvariant()} audience.");
            }
        }

        if (instrument is not null && audience is { } given && instrument.Audience != given)
        {
            Problem("instrument_sha256", $"this questionnaire version is for the {instrument.Audience.ToString().ToLowerInvariant()} audience, but the row's audience is {given.ToString().ToLowerInvariant()}.");
        }

        if (instrument is not null && Meta("instrument_key") is { } key && key != instrument.Key)
        {
            Problem("instrument_key", $"'{key}' does not match the questionnaire version named in instrument_sha256 ('{instrument.Key}').");
        }

        var country = Meta("country");
        if (country is null ? study.Countries.Count > 0 : study.Countries.All(c => c.Code != country))
        {
            Problem("country", $"{Quoted(country)} is not one of the study's countries ({string.Join(", ", study.Countries.Select(c => c.Code))}).");
        }

        var field = Meta("policy_field");
        if (field is null ? study.PolicyFields.Count > 0 : study.PolicyFields.All(f => f.Code != field))
        {
            Problem("policy_field", $"{Quoted(field)} is not one of the study's policy fields ({string.Join(", ", study.PolicyFields.Select(f => f.Code))}).");
        }

        var unit = Meta("service_unit");
        if (unit is not null && !ResponseService.IsWellFormedServiceUnit(unit))
        {
            Problem("service_unit", $"'{unit}' is not a service unit: at most 64 letters, digits, hyphens (-) or underscores (_).");
        }

        var language = Meta("language") ?? "en";
        if (!ResponseService.IsWellFormedLanguage(language))
        {
            Problem("language", $"'{language}' is not a language tag such as en or nl-BE.");
        }

        var translationSha256 = Meta("translation_sha256")?.ToLowerInvariant();
        if (translationSha256 is not null)
        {
            var of = instrument is null ? null : context.Translations.GetValueOrDefault(translationSha256)
                ?.FirstOrDefault(t => t.InstrumentVersionId == context.VersionIds[instrument.Sha256]);
            if (!context.Translations.ContainsKey(translationSha256))
            {
                Problem("translation_sha256", $"'{translationSha256}' is not the SHA-256 of any translation of the questionnaires of study '{study.Key}'; leave it empty when the texts are not known.");
            }
            else if (instrument is not null && of is null)
            {
                Problem("translation_sha256", $"this is a translation of another questionnaire version, not of {instrument.Key} {instrument.Version}.");
            }
            else if (of is not null && of.Language != language)
            {
                Problem("translation_sha256", $"this translation is in '{of.Language}', but the row's language is '{language}'.");
            }
        }

        var started = Time(Meta("started_at"), "started_at", Problem);
        var completed = Time(Meta("completed_at"), "completed_at", Problem);
        var status = Meta("status");
        var complete = status switch
        {
            null => completed is not null,
            _ when status.Equals("complete", StringComparison.OrdinalIgnoreCase) => true,
            _ when status.Equals("partial", StringComparison.OrdinalIgnoreCase) => false,
            _ => (bool?)null,
        };
        if (complete is null)
        {
            Problem("status", $"'{status}' is not a status; write complete or partial.");
        }
        else if (complete == true && completed is null && header.Metadata.ContainsKey("completed_at"))
        {
            Problem("completed_at", "empty, but the response is complete; write when it was completed (UTC, ISO 8601).");
        }
        else if (complete == true && completed is null)
        {
            Problem("status", "the response is complete, but the file has no completed_at column.");
        }
        else if (complete == false && completed is not null)
        {
            Problem("completed_at", "a partial response has no completion time; leave it empty or set status to complete.");
        }

        started ??= completed;
        if (started is null && !problems.Skip(before).Any(p => p.Column is "started_at" or "completed_at"))
        {
            Problem("started_at", "empty; write when the response was started (UTC, ISO 8601, e.g. 2026-03-01T09:30:00Z).");
        }

        if (started is { } s && completed is { } e && e < s)
        {
            Problem("completed_at", "earlier than started_at.");
        }

        if (instrument is null || started is null)
        {
            // Without a questionnaire version the answers cannot be read.
            return null;
        }

        var answers = ReadAnswers(context, header, cells, context.Version(instrument), complete == false, Problem);
        if (answers is null || problems.Count > before)
        {
            return null;
        }

        return new ImportedRow(
            responseId, instrument, new RespondentContext(country, field, unit, language), started!.Value,
            complete == true ? completed : null, answers.Values, answers.LastPage, answers.SubmittedSections, translationSha256);
    }

    private sealed record RowAnswers(IReadOnlyList<AnswerValue> Values, int LastPage, IReadOnlyList<string> SubmittedSections);

    /// <summary>The row's answers and what its missing codes say, checked against the questionnaire's routing.</summary>
    private static RowAnswers? ReadAnswers(
        ImportContext context, ImportHeader header, string?[] cells, VersionInfo version, bool partial, Action<string?, string> problem)
    {
        var layout = context.Layout;
        var instrument = version.Instrument;
        var given = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, (MissingReason Reason, string Column)>(StringComparer.Ordinal);
        var columnOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var choices = new Dictionary<string, List<(DatasetVariable Variable, string Column, double? Value, MissingReason? Reason)>>(StringComparer.Ordinal);
        var ok = true;

        foreach (var (column, index) in header.Values)
        {
            var variable = layout.Values[index];
            var name = header.Names[column];
            var code = variable.ItemCode!;
            var text = Blank(cells[column]);
            double? value = null;
            MissingReason? reason = null;
            if (text is not null)
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    problem(name, $"'{text}' is not a number (use a point as the decimal separator).");
                    ok = false;
                    continue;
                }

                reason = variable.MissingCodes?.All().Where(m => m.Code == number).Select(m => (MissingReason?)m.Reason).FirstOrDefault();
                value = reason is null ? number : null;
            }

            if (!version.Items.TryGetValue(code, out var item))
            {
                if (value is not null || (reason is not null && reason != MissingReason.NotAsked))
                {
                    problem(name, $"this questionnaire version ({instrument.Key} {instrument.Version}) has no item '{code}'; leave the cell empty or write {Code(variable.MissingCodes?.NotAsked)} (not asked).");
                    ok = false;
                }

                continue;
            }

            columnOf.TryAdd(code, name);
            if (variable.Kind == DatasetVariableKind.MultipleChoiceOption)
            {
                if (!choices.TryGetValue(code, out var list))
                {
                    choices[code] = list = [];
                }

                list.Add((variable, name, value, reason));
                continue;
            }

            // Don't know and not applicable are answers the respondent gave; the other reasons say why there is none.
            if (reason is { } r && r is not (MissingReason.DontKnow or MissingReason.NotApplicable))
            {
                reasons[code] = (r, name);
                continue;
            }

            if (text is null)
            {
                continue;
            }

            AnswerValue? answer = reason == MissingReason.DontKnow ? AnswerValue.DontKnowTo(code)
                : reason == MissingReason.NotApplicable ? AnswerValue.NotApplicableTo(code)
                : AnswerOf(variable, layout.ChoiceValues[index], item.Question, code, text, value!.Value, name, problem);
            ok &= Accept(item.Question, answer, name, given, problem);
        }

        foreach (var (code, options) in choices)
        {
            var question = version.Items[code].Question;
            var column = options[0].Column;
            if (options.All(o => o.Value is null && o.Reason is null))
            {
                continue;
            }

            if (options.All(o => o.Reason is not null) && options.Select(o => o.Reason).Distinct().Count() == 1)
            {
                var reason = options[0].Reason!.Value;
                if (reason is MissingReason.DontKnow or MissingReason.NotApplicable)
                {
                    problem(column, $"'{code}' (multiple choice) has no \"{ExportFormat.Reason(reason)}\".");
                    ok = false;
                }
                else
                {
                    reasons[code] = (reason, column);
                }

                continue;
            }

            var bad = options.FirstOrDefault(o => o.Value is not (0 or 1));
            if (bad.Column is not null)
            {
                problem(bad.Column, $"an option column holds 1 (chosen) or 0 (not chosen), or the same missing code in every option column of '{code}'.");
                ok = false;
                continue;
            }

            var chosen = options.Where(o => o.Value == 1).Select(o => o.Variable.OptionCode!).ToHashSet(StringComparer.Ordinal);
            var unknown = chosen.Where(c => question.Options.All(o => o.Code != c)).ToList();
            if (unknown.Count > 0)
            {
                problem(options.First(o => o.Variable.OptionCode == unknown[0]).Column, $"this questionnaire version ({instrument.Key} {instrument.Version}) has no option '{unknown[0]}' for '{code}'.");
                ok = false;
                continue;
            }

            var answer = AnswerValue.MultipleChoice(code, question.Options.Where(o => chosen.Contains(o.Code)).Select(o => o.Code));
            ok &= Accept(question, answer, column, given, problem);
        }

        foreach (var (column, index) in header.Texts)
        {
            var code = layout.Texts[index].ItemCode!;
            var raw = cells[column];
            if (string.IsNullOrEmpty(raw))
            {
                continue;
            }

            var name = header.Names[column];
            if (!version.Items.TryGetValue(code, out var item))
            {
                problem(name, $"this questionnaire version ({instrument.Key} {instrument.Version}) has no item '{code}'; leave the cell empty.");
                ok = false;
                continue;
            }

            columnOf.TryAdd(code, name);
            ok &= Accept(item.Question, AnswerValue.Text(code, WithoutFormulaGuard(raw)), name, given, problem);
        }

        if (!ok)
        {
            return null;
        }

        return CheckRouting(version, given, reasons, columnOf, partial, problem);
    }

    private static RowAnswers? CheckRouting(
        VersionInfo version,
        Dictionary<string, AnswerValue> given,
        Dictionary<string, (MissingReason Reason, string Column)> reasons,
        Dictionary<string, string> columnOf,
        bool partial,
        Action<string?, string> problem)
    {
        var instrument = version.Instrument;
        var effective = InstrumentNavigator.EffectiveAnswers(instrument, given);
        var visible = InstrumentNavigator.VisibleSections(instrument, effective);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in visible)
        {
            foreach (var question in InstrumentNavigator.VisibleQuestions(section, effective))
            {
                shown.UnionWith(question.ItemCodes);
            }
        }

        var ok = true;
        foreach (var code in given.Keys.Where(c => !effective.ContainsKey(c)))
        {
            problem(columnOf[code], "answered, but the questionnaire does not show this question given the answers before it (its display condition).");
            ok = false;
        }

        var answeredReach = effective.Keys.Select(c => version.Items[c].SectionIndex).DefaultIfEmpty(-1).Max();
        var notAnsweredReach = reasons.Where(r => r.Value.Reason == MissingReason.NotAnswered)
            .Select(r => version.Items[r.Key].SectionIndex).DefaultIfEmpty(-1).Max();
        var reached = Math.Max(answeredReach, notAnsweredReach);
        foreach (var (code, (reason, column)) in reasons)
        {
            var isShown = shown.Contains(code);
            switch (reason)
            {
                case MissingReason.NotAsked when isShown:
                    problem(column, "coded \"not asked\", but the questionnaire shows this question given the answers before it.");
                    ok = false;
                    break;
                case MissingReason.NotAnswered when !isShown:
                    problem(column, "coded \"not answered\", but the questionnaire does not show this question given the answers before it (write the \"not asked\" code).");
                    ok = false;
                    break;
                case MissingReason.NotReached when !partial:
                    problem(column, "coded \"not reached\", but the response is complete.");
                    ok = false;
                    break;
                case MissingReason.NotReached when version.Items[code].SectionIndex <= reached:
                    problem(column, "coded \"not reached\", but this page or a later one has answers.");
                    ok = false;
                    break;
            }
        }

        if (!ok)
        {
            return null;
        }

        var answers = given.Values.Where(a => effective.ContainsKey(a.ItemCode)).ToList();
        if (!partial)
        {
            return new RowAnswers(answers, visible.Count, []);
        }

        var lastPage = 0;
        for (var p = 0; p < visible.Count; p++)
        {
            if (version.SectionIndex[visible[p].Code] <= reached)
            {
                lastPage = p + 1;
            }
        }

        // A page whose items were all left empty still counts as reached when the file says so ("not answered").
        IReadOnlyList<string> submitted = notAnsweredReach > answeredReach ? [instrument.Sections[notAnsweredReach].Code] : [];
        return new RowAnswers(answers, lastPage, submitted);
    }

    private static AnswerValue? AnswerOf(
        DatasetVariable variable, IReadOnlyDictionary<string, double>? choiceValues, Question question, string code, string text, double value,
        string column, Action<string?, string> problem)
    {
        switch (variable.Kind)
        {
            case DatasetVariableKind.Likert:
                var points = question.ResponseScale!.Points;
                if (points.Any(p => p.Value == value))
                {
                    return AnswerValue.ScalePoint(code, (int)value);
                }

                problem(column, $"{text} is not a point of the scale ({string.Join(", ", points.Select(p => p.Value))}) nor a missing code.");
                return null;
            case DatasetVariableKind.SingleChoice:
                var option = choiceValues!.FirstOrDefault(c => c.Value == value).Key;
                if (option is not null && question.Options.Any(o => o.Code == option))
                {
                    return AnswerValue.SingleChoice(code, option);
                }

                problem(column, $"{text} is not the code of an option ({string.Join(", ", question.Options.Select(o => $"{Code(choiceValues!.GetValueOrDefault(o.Code))} {o.Label}"))}) nor a missing code.");
                return null;
            case DatasetVariableKind.Numeric when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return AnswerValue.Numeric(code, number);
            default:
                problem(column, $"{text} cannot be read as a value of '{code}'.");
                return null;
        }
    }

    /// <summary>Checks the value as the questionnaire would (bounds, lengths, don't know allowed); adds it when valid.</summary>
    private static bool Accept(Question question, AnswerValue? answer, string column, Dictionary<string, AnswerValue> given, Action<string?, string> problem)
    {
        if (answer is null)
        {
            return false;
        }

        if (AnswerValidator.CheckStoredValue(question, answer) is { } message)
        {
            problem(column, message + ".");
            return false;
        }

        given[answer.ItemCode] = answer;
        return true;
    }

    /// <summary>Exports put an apostrophe before text that a spreadsheet would run as a formula; it is not part of the answer.</summary>
    private static string WithoutFormulaGuard(string text) =>
        text.Length >= 2 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? text[1..] : text;

    private static DateTimeOffset? Time(string? text, string column, Action<string?, string> problem)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && text.Length >= 10 && text[4] == '-' && text[7] == '-')
        {
            return time.ToUniversalTime();
        }

        problem(column, $"'{text}' is not a time in ISO 8601 (e.g. 2026-03-01T09:30:00Z; UTC unless an offset is given).");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Quoted(string? value) => value is null ? "an empty cell" : $"'{value}'";

    private static string Code(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "nothing";
}
