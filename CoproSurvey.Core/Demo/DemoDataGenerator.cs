using System.Globalization;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Core.Demo;

/// <summary>
/// Simulates complete responses of citizens and professionals from the data-generating model documented in
/// <c>docs/demo-data.md</c>: latent traits per respondent, structural equations with known effects for the
/// coproduction outcomes, and a measurement model that turns each latent variable into the items of its scale.
/// The same seed gives the same responses. Items the model does not know are drawn from plausible marginal
/// distributions, so any instrument can be simulated; display conditions are honoured. Items whose scale offers
/// "not applicable" get it for the share <see cref="DemoModel.NotApplicableShare"/> gives.
/// </summary>
public sealed class DemoDataGenerator
{
    /// <summary>Share of citizens among the simulated respondents.</summary>
    public const double CitizenShare = 0.75;

    /// <summary>
    /// Service units per country and policy field when the study lists none for the country (otherwise its listed units
    /// are drawn): citizens and professionals of a unit share its code.
    /// </summary>
    public const int UnitsPerCountryAndField = 4;

    private readonly StudyDefinition study;
    private readonly IReadOnlyDictionary<Audience, Instrument> instruments;
    private readonly Random random;

    // "Not applicable" is drawn on a stream of its own, so that every other answer of a seed is the same whether or
    // not an instrument offers it.
    private readonly Random notApplicable;
    private readonly DateTimeOffset end;
    private readonly Dictionary<Audience, Dictionary<string, string>> scaleOfItem;
    private readonly Dictionary<Audience, HashSet<string>> reversedItems;

    /// <param name="end">The simulated fieldwork ends here and runs over the 60 days before.</param>
    public DemoDataGenerator(StudyDefinition study, IReadOnlyDictionary<Audience, Instrument> instruments, int seed, DateTimeOffset end)
    {
        if (study.Countries.Count == 0 || study.PolicyFields.Count == 0)
        {
            throw new ArgumentException($"Study '{study.Key}' needs at least one country and one policy field to simulate responses.", nameof(study));
        }

        this.study = study;
        this.instruments = instruments;
        this.end = end;
        random = new Random(seed);
        notApplicable = new Random(unchecked(seed * 7919 + 104729));
        scaleOfItem = instruments.ToDictionary(
            i => i.Key,
            i => i.Value.Scales.SelectMany(s => s.Items.Select(item => (item, s.Code))).ToDictionary(x => x.item, x => x.Code, StringComparer.Ordinal));
        reversedItems = instruments.ToDictionary(
            i => i.Key,
            i => i.Value.Scales.SelectMany(s => s.Reversed).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Simulates <paramref name="count"/> complete responses, citizens and professionals mixed.</summary>
    public IEnumerable<SimulatedResponse> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var audiences = instruments.Keys.OrderBy(a => a).ToArray();
        for (var i = 0; i < count; i++)
        {
            var audience = audiences.Length == 1
                ? audiences[0]
                : random.NextDouble() < CitizenShare && instruments.ContainsKey(Audience.Citizen) ? Audience.Citizen : audiences.First(a => a != Audience.Citizen);
            yield return Simulate(audience);
        }
    }

    private SimulatedResponse Simulate(Audience audience)
    {
        var countryIndex = random.Next(study.Countries.Count);
        var fieldIndex = random.Next(study.PolicyFields.Count);
        var country = study.Countries[countryIndex];
        var field = study.PolicyFields[fieldIndex];
        var unit = country.ServiceUnits.Count > 0
            ? country.ServiceUnits[random.Next(country.ServiceUnits.Count)].Code
            : $"{country.Code}-{Abbreviate(field.Code)}-{random.Next(1, UnitsPerCountryAndField + 1):00}";
        var context = new RespondentContext(country.Code, field.Code, unit);
        var setting = new Setting(countryIndex, fieldIndex, field.Code);

        var person = audience == Audience.Citizen ? DemoModel.Citizen(random, setting) : DemoModel.Professional(random);
        var answers = AnswerInstrument(audience, person);

        var started = end.AddSeconds(-random.Next(60 * 24 * 3600));
        var minutes = 6 + 14 * random.NextDouble();
        return new SimulatedResponse(audience, context, started, started.AddMinutes(minutes), answers);
    }

    private List<AnswerValue> AnswerInstrument(Audience audience, SimulatedPerson person)
    {
        var instrument = instruments[audience];
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var section in instrument.Sections)
        {
            if (!ConditionEvaluator.IsSatisfied(section.DisplayCondition, answers))
            {
                continue;
            }

            foreach (var question in section.Questions)
            {
                if (!ConditionEvaluator.IsSatisfied(question.DisplayCondition, answers))
                {
                    continue;
                }

                foreach (var answer in Answer(audience, question, person))
                {
                    answers[answer.ItemCode] = answer;
                }
            }
        }

        return [.. answers.Values];
    }

    private IEnumerable<AnswerValue> Answer(Audience audience, Question question, SimulatedPerson person)
    {
        switch (question.Type)
        {
            case QuestionType.Likert:
                if (LikertAnswer(audience, question.Code, question, person) is { } single)
                {
                    yield return single;
                }

                break;
            case QuestionType.LikertMatrix:
                foreach (var row in question.Rows)
                {
                    if (LikertAnswer(audience, row.Code, question, person) is { } answer)
                    {
                        yield return answer;
                    }
                }

                break;
            case QuestionType.SingleChoice:
                if (!Skips(question))
                {
                    yield return AnswerValue.SingleChoice(question.Code, person.Choose(question.Code, question.Options, random));
                }

                break;
            case QuestionType.MultipleChoice:
                yield return AnswerValue.MultipleChoice(question.Code, person.ChooseMany(question.Code, question.Options, random));
                break;
            case QuestionType.Numeric:
                if (!Skips(question))
                {
                    yield return AnswerValue.Numeric(question.Code, Number(question.Code, question.Numeric, person));
                }

                break;
            case QuestionType.ShortText:
            case QuestionType.LongText:
                if (DemoModel.Comment(random, question.MaxLength ?? 200) is { } text)
                {
                    yield return AnswerValue.Text(question.Code, text);
                }
                else if (question.Required)
                {
                    yield return AnswerValue.Text(question.Code, "No further remarks.");
                }

                break;
            default:
                throw new InvalidOperationException($"Question type {question.Type} is not simulated.");
        }
    }

    /// <summary>Optional questions are left unanswered by a few respondents, as in real fieldwork.</summary>
    private bool Skips(Question question) => !question.Required && random.NextDouble() < 0.06;

    private AnswerValue? LikertAnswer(Audience audience, string itemCode, Question question, SimulatedPerson person)
    {
        var scale = question.ResponseScale ?? throw new InvalidOperationException($"Likert question '{question.Code}' has no response scale.");
        if (!question.Required && random.NextDouble() < 0.03)
        {
            return null;
        }

        if (scale.DontKnowLabel is not null && random.NextDouble() < 0.04)
        {
            return AnswerValue.DontKnowTo(itemCode);
        }

        var construct = scaleOfItem[audience].GetValueOrDefault(itemCode) ?? itemCode;
        var (latent, offset) = person.Latent(construct, question.Code, random);
        var loading = DemoModel.ItemLoading;
        var itemScore = loading * latent + Math.Sqrt(1 - loading * loading) * DemoModel.Normal(random) + offset;
        var points = scale.Points;
        var index = (int)Math.Floor(DemoModel.NormalCdf(itemScore) * points.Count);
        index = Math.Clamp(index, 0, points.Count - 1);
        if (reversedItems[audience].Contains(itemCode))
        {
            index = points.Count - 1 - index;
        }

        return scale.NotApplicableLabel is not null && notApplicable.NextDouble() < DemoModel.NotApplicableShare(itemCode)
            ? AnswerValue.NotApplicableTo(itemCode)
            : AnswerValue.ScalePoint(itemCode, points[index].Value);
    }

    private decimal Number(string code, NumericBounds? bounds, SimulatedPerson person)
    {
        var min = (double)(bounds?.Min ?? 0);
        var max = (double)(bounds?.Max ?? 100);
        var value = Math.Clamp(person.Number(code, random, min, max), min, max);
        return bounds is { IntegerOnly: false } ? (decimal)Math.Round(value, 1) : (decimal)Math.Round(value);
    }

    private static string Abbreviate(string fieldCode) =>
        new(fieldCode.Split('-', '_').Select(part => char.ToUpperInvariant(part[0])).ToArray());
}

/// <summary>Where a simulated respondent lives and works: indices into the study's countries and policy fields.</summary>
internal sealed record Setting(int Country, int Field, string FieldCode);
