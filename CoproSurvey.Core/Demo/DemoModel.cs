using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Demo;

/// <summary>
/// The data-generating model of the demo study (see <c>docs/demo-data.md</c>). Every latent variable is on a
/// standard-normal-like scale; the coefficients below are the "true" effects an analysis of the demo data
/// should recover (attenuated by measurement error and the ordinal response scales).
/// </summary>
internal static class DemoModel
{
    /// <summary>Standardised loading of every scale item on its construct.</summary>
    public const double ItemLoading = 0.8;

    /// <summary>Country effects on individual coproduction, in study country order (cycled when there are more).</summary>
    public static readonly double[] CountryIndividual = [0.00, 0.15, -0.20, 0.10, -0.05];

    /// <summary>Country effects on collective coproduction.</summary>
    public static readonly double[] CountryCollective = [0.10, -0.10, -0.25, 0.20, 0.00];

    /// <summary>Country differences in trust in government and in how good local outcomes are.</summary>
    public static readonly double[] CountryTrust = [0.10, 0.20, -0.30, 0.35, -0.10];

    /// <summary>Policy-field effects on individual coproduction, in study field order (cycled).</summary>
    public static readonly double[] FieldIndividual = [0.10, 0.30, 0.00, -0.10, -0.20];

    /// <summary>Collective coproduction is far rarer than individual coproduction: its items are shifted down.</summary>
    public const double CollectiveOffset = -0.9;

    /// <summary>Professionals underestimate citizens' willingness: the mirror gap on the latent scale.</summary>
    public const double WillingnessGap = -0.6;

    /// <summary>
    /// Share of respondents to whom an item offering "not applicable" does not apply, and who choose it: most people
    /// were never invited to a group activity they could turn down, fewer were never recommended a check-up or
    /// screening, some neighbourhoods have no watch group; for the other items of such scales a few.
    /// </summary>
    public static double NotApplicableShare(string itemCode) => itemCode switch
    {
        "c_col_3" => 0.40,
        "c_ind_hea_4" => 0.20,
        "c_col_1" => 0.10,
        _ => 0.02,
    };

    private static readonly string[] Comments =
    [
        "I would do more if the municipality told us what is needed.",
        "Hard to find time next to work and family.",
        "Our neighbourhood group works well with the local police.",
        "More feedback on what happens with our input would help.",
        "Some colleagues see citizens' involvement as extra work.",
        "Training on working with volunteers would be useful.",
    ];

    public static SimulatedPerson Citizen(Random random, Setting setting)
    {
        var p = new SimulatedPerson();
        var age = Pick(random, [0.11, 0.16, 0.17, 0.17, 0.16, 0.13, 0.10]);
        var gender = Pick(random, [0.505, 0.47, 0.01, 0.015]);
        var education = Pick(random, [0.08, 0.22, 0.40, 0.30]);
        var ageZ = (age - 3) / 1.8;
        var female = gender == 0 ? 1.0 : 0.0;
        var educationZ = (education - 2) / 0.9;
        var informed = random.NextDouble() < 0.30 ? 1.0 : 0.0;
        var consulted = random.NextDouble() < 0.14 ? 1.0 : 0.0;

        var efficacy = 0.25 * educationZ + 0.97 * Normal(random);
        var political = 0.35 * efficacy + 0.94 * Normal(random);
        var knowledge = 0.40 * efficacy + 0.92 * Normal(random);
        var salience = Normal(random);
        var community = Normal(random);
        var intrinsic = Normal(random);
        var social = 0.30 * community + 0.95 * Normal(random);
        var normative = 0.40 * community + 0.92 * Normal(random);
        var material = Normal(random);
        var trust = Cycle(CountryTrust, setting.Country) + 0.30 * political + 0.95 * Normal(random);
        var outcomes = Cycle(CountryTrust, setting.Country) + Normal(random);
        var satisfaction = 0.50 * outcomes + 0.30 * trust + 0.80 * Normal(random);

        // Structural equations: the published patterns the demo data should show.
        var individual = Cycle(CountryIndividual, setting.Country) + Cycle(FieldIndividual, setting.Field)
            + 0.45 * efficacy + 0.20 * knowledge + 0.10 * efficacy * knowledge
            + 0.25 * female + 0.20 * ageZ - 0.15 * outcomes + 0.08 * informed
            + 0.15 * salience + 0.15 * normative + 0.80 * Normal(random);
        var collective = Cycle(CountryCollective, setting.Country)
            + 0.15 * efficacy + 0.40 * political + 0.10 * community + 0.10 * consulted + 0.85 * Normal(random);
        var willingness = 0.45 * individual + 0.30 * normative + 0.20 * intrinsic + 0.80 * Normal(random);

        p.Set("c_ind", individual);
        p.Set("c_col", collective, CollectiveOffset);
        p.Set("c_eff_int", efficacy);
        p.Set("c_eff_ext", political);
        p.Set("c_sal", salience);
        p.Set("c_ease", knowledge);
        p.Set("c_mot_int", intrinsic);
        p.Set("c_mot_soc", social);
        p.Set("c_mot_norm", normative);
        p.Set("c_mot_mat", material);
        p.Set("c_comm", community);
        p.Set("c_trust", trust);
        p.Set("c_sat", satisfaction);
        p.Set("c_res", outcomes);
        p.Set("mirror_will", willingness);
        p.Set("mirror_comp", 0.50 * efficacy + 0.87 * Normal(random));
        p.Set("mirror_value", 0.40 * political + 0.92 * Normal(random));

        p.Choice("c_age", age);
        p.Choice("c_gender", gender);
        p.Choice("c_edu", education);
        p.Choice("c_area", Pick(random, [0.42, 0.35, 0.23]));
        p.Choice("c_emp", age >= 5 && random.NextDouble() < 0.7 ? 4 : age == 0 && random.NextDouble() < 0.5 ? 3 : Pick(random, [0.55, 0.09, 0.07, 0.03, 0.08, 0.12, 0.06]));
        p.Choice("c_reach_info", informed > 0 ? 0 : 1);
        p.Choice("c_reach_consult", consulted > 0 ? 0 : 1);
        p.UsesService(setting.FieldCode);
        p.SetNumber("c_hours", Math.Exp(1.1 + 0.35 * willingness + 0.6 * Normal(random)));
        return p;
    }

    public static SimulatedPerson Professional(Random random)
    {
        var p = new SimulatedPerson();
        var support = Normal(random);
        var autonomy = 0.30 * support + 0.95 * Normal(random);
        var redTape = -0.30 * support + 0.95 * Normal(random);

        // Structural equation: support (+), autonomy (+), red tape (-), support strengthens autonomy.
        var engagement = 0.35 * support + 0.30 * autonomy - 0.25 * redTape + 0.15 * support * autonomy + 0.80 * Normal(random);
        var benefits = 0.50 * engagement + 0.87 * Normal(random);
        var risk = -0.35 * engagement + 0.94 * Normal(random);
        var trustInCitizens = 0.35 * engagement + 0.90 * Normal(random);

        p.Set("p_eng", engagement);
        p.Set("p_ben", benefits);
        p.Set("p_cop_effect", benefits);
        p.Set("p_risk", risk);
        p.Set("p_rt", redTape);
        p.Set("p_trust_cit", trustInCitizens);
        p.Set("p_sup", support);
        p.Set("p_aut", autonomy);
        p.Set("p_work", -0.20 * support + 0.98 * Normal(random));
        p.Set("p_skill", 0.30 * support + 0.95 * Normal(random));
        p.Set("p_law", Normal(random));
        p.Set("p_contact", 0.30 * engagement + 0.95 * Normal(random));
        p.Set("mirror_will", 0.30 * trustInCitizens + 0.95 * Normal(random), WillingnessGap);
        p.Set("mirror_comp", trustInCitizens);
        p.Set("mirror_value", 0.40 * benefits + 0.92 * Normal(random));

        var involved = NormalCdf(0.3 + 0.8 * engagement) > random.NextDouble();
        p.Choice("p_involved", involved ? 0 : 1);
        p.Choice("p_role", Pick(random, [0.55, 0.18, 0.12, 0.10, 0.05]));
        p.Choice("p_org_type", Pick(random, [0.50, 0.15, 0.08, 0.17, 0.06, 0.04]));
        p.Choice("p_age", Pick(random, [0.04, 0.20, 0.26, 0.26, 0.22, 0.02, 0.00]));
        p.Choice("p_gender", Pick(random, [0.58, 0.40, 0.01, 0.01]));
        p.Choice("p_edu", Pick(random, [0.01, 0.04, 0.30, 0.65]));
        p.Phases(involved);
        p.SetNumber("p_tenure", Math.Exp(2.1 + 0.7 * Normal(random)));
        p.SetNumber("p_cop_count", Math.Exp(2.5 + 0.6 * engagement + Normal(random)));
        return p;
    }

    /// <summary>A short free-text remark from about one respondent in twenty; null otherwise.</summary>
    public static string? Comment(Random random, int maxLength)
    {
        if (random.NextDouble() >= 0.05)
        {
            return null;
        }

        var text = Comments[random.Next(Comments.Length)];
        return text.Length <= maxLength ? text : text[..maxLength];
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Standard normal distribution function.</summary>
    public static double NormalCdf(double x) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>An index drawn with the given probabilities (which need not sum exactly to one).</summary>
    public static int Pick(Random random, double[] weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Cycle(double[] effects, int index) => effects[index % effects.Length];
}

/// <summary>The latent traits and fixed characteristics of one simulated respondent.</summary>
internal sealed class SimulatedPerson
{
    private readonly Dictionary<string, (double Value, double Offset)> latents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> choices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> unknown = new(StringComparer.Ordinal);
    private string? service;
    private bool? involved;

    public void Set(string construct, double value, double offset = 0) => latents[construct] = (value, offset);

    public void Choice(string question, int optionIndex) => choices[question] = optionIndex;

    public void SetNumber(string question, double value) => numbers[question] = value;

    public void UsesService(string policyField) => service = policyField.Replace('-', '_');

    public void Phases(bool isInvolved) => involved = isInvolved;

    /// <summary>
    /// The latent value behind a construct (a scale code or a single item's code) and the offset of its items.
    /// Codes are matched on their longest known prefix, so <c>c_ind_saf</c> uses <c>c_ind</c> and
    /// <c>c_trust_gov</c> uses <c>c_trust</c>. Unknown constructs get an independent trait of their own.
    /// </summary>
    public (double Value, double Offset) Latent(string construct, string questionCode, Random random)
    {
        foreach (var code in new[] { construct, questionCode })
        {
            for (var key = code; key.Length > 0; key = key.Contains('_') ? key[..key.LastIndexOf('_')] : "")
            {
                if (latents.TryGetValue(key, out var latent))
                {
                    return latent;
                }
            }
        }

        if (!unknown.TryGetValue(construct, out var value))
        {
            value = DemoModel.Normal(random);
            unknown[construct] = value;
        }

        return (value, 0);
    }

    public string Choose(string question, IReadOnlyList<ChoiceOption> options, Random random)
    {
        var index = choices.TryGetValue(question, out var chosen) && chosen < options.Count ? chosen : random.Next(options.Count);
        return options[index].Code;
    }

    public IEnumerable<string> ChooseMany(string question, IReadOnlyList<ChoiceOption> options, Random random)
    {
        var none = options.FirstOrDefault(o => o.Code == "none");
        if (involved == false && none is not null)
        {
            return [none.Code];
        }

        var selected = options
            .Where(o => o != none && (IsOwnService(o.Code) || random.NextDouble() < 0.35))
            .Select(o => o.Code)
            .ToList();
        if (selected.Count == 0)
        {
            selected.Add(none?.Code ?? options[random.Next(options.Count)].Code);
        }

        return selected;
    }

    public double Number(string question, Random random, double min, double max) =>
        numbers.TryGetValue(question, out var value) ? value : min + (max - min) * random.NextDouble();

    private bool IsOwnService(string optionCode) =>
        service is not null && (service == optionCode || service.EndsWith("_" + optionCode, StringComparison.Ordinal));
}
