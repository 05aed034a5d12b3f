using System.Text.Json.Nodes;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Tests.Core.Instruments;

/// <summary>A small valid instrument using every question type, a named and an inline scale, and nested conditions.</summary>
internal static class SampleInstrument
{
    public const string FileName = "sample.json";

    public const string Json = """
        {
          "key": "sample",
          "version": "1.0",
          "audience": "citizen",
          "title": "Sample instrument",
          "language": "en",
          "introduction": "A short questionnaire for tests.",
          "responseScales": {
            "agree": {
              "points": [
                { "value": 1, "label": "Disagree" },
                { "value": 2, "label": "Neutral" },
                { "value": 3, "label": "Agree" }
              ]
            }
          },
          "sections": [
            {
              "code": "intro",
              "title": "Introduction",
              "questions": [
                {
                  "code": "s_use",
                  "type": "likert",
                  "text": "How often do you use the service?",
                  "required": true,
                  "scale": {
                    "points": [
                      { "value": 1, "label": "Never" },
                      { "value": 2, "label": "Sometimes" },
                      { "value": 3, "label": "Often" }
                    ],
                    "dontKnow": "Don't know"
                  }
                },
                {
                  "code": "s_kind",
                  "type": "singleChoice",
                  "text": "Which kind?",
                  "required": true,
                  "options": [
                    { "code": "a", "label": "A" },
                    { "code": "b", "label": "B" },
                    { "code": "c", "label": "C" }
                  ]
                },
                {
                  "code": "s_many",
                  "type": "multipleChoice",
                  "text": "Which ones?",
                  "options": [
                    { "code": "x", "label": "X" },
                    { "code": "y", "label": "Y" },
                    { "code": "z", "label": "Z" }
                  ]
                },
                {
                  "code": "s_age",
                  "type": "numeric",
                  "text": "Age?",
                  "numeric": { "min": 18, "max": 99, "integer": true, "unit": "years" }
                }
              ]
            },
            {
              "code": "battery",
              "title": "Battery",
              "introduction": "Shown to kind a only.",
              "displayCondition": { "question": "s_kind", "op": "in", "values": ["a"] },
              "questions": [
                {
                  "code": "m",
                  "type": "likertMatrix",
                  "text": "Agree?",
                  "required": true,
                  "scaleRef": "agree",
                  "rows": [
                    { "code": "m_1", "text": "One" },
                    { "code": "m_2", "text": "Two" },
                    { "code": "m_3", "text": "Three" }
                  ]
                },
                {
                  "code": "s_name",
                  "type": "shortText",
                  "text": "Name of the service?",
                  "maxLength": 50
                },
                {
                  "code": "s_single",
                  "type": "likert",
                  "text": "Single agree item",
                  "scaleRef": "agree",
                  "displayCondition": {
                    "any": [
                      { "question": "s_many", "op": "in", "values": ["x"] },
                      { "question": "s_age", "op": "greaterThan", "values": ["40"] }
                    ]
                  }
                }
              ]
            },
            {
              "code": "end",
              "title": "End",
              "questions": [
                {
                  "code": "s_comment",
                  "type": "longText",
                  "text": "Anything else?",
                  "maxLength": 500
                },
                {
                  "code": "s_other",
                  "type": "likert",
                  "text": "Zero to ten",
                  "displayCondition": { "question": "m_1", "op": "answered" },
                  "scale": {
                    "points": [
                      { "value": 0, "label": "None" },
                      { "value": 5, "label": "Half" },
                      { "value": 10, "label": "All" }
                    ]
                  }
                }
              ]
            }
          ],
          "scales": [
            {
              "code": "m",
              "name": "Agreement",
              "items": ["m_1", "m_2", "m_3", "s_single"],
              "reversed": ["m_2"],
              "minAnswered": 2
            }
          ]
        }
        """;

    public static JsonObject Node() => JsonNode.Parse(Json)!.AsObject();

    public static Instrument Load()
    {
        var result = InstrumentLoader.Load(Json, FileName);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Instrument!;
    }

    public static JsonObject Section(JsonObject doc, int section) => doc["sections"]![section]!.AsObject();

    public static JsonObject Question(JsonObject doc, int section, int question) =>
        Section(doc, section)["questions"]![question]!.AsObject();
}
