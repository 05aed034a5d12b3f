using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Core.Responses;

namespace CoproSurvey.Tests.Core.Datasets;

public class DatasetLayoutTests
{
    [Theory]
    [InlineData(0, -1, -4)]
    [InlineData(1, -1, -4)]
    [InlineData(-3.5, -5, -8)]
    [InlineData(-10, -11, -14)]
    public void MissingCodesBelow_LieUnderTheLowestValidValue(double lowest, double dontKnow, double notAnswered)
    {
        // Act
        var codes = MissingCodes.Below(lowest);

        // Assert
        Assert.Equal((dontKnow, dontKnow - 1, dontKnow - 2, notAnswered), (codes.DontKnow, codes.NotAsked, codes.NotReached, codes.NotAnswered));
        Assert.All(codes.All(), c => Assert.True(c.Code < lowest));
    }

    [Fact]
    public void Build_GivesANumericItemWithoutLowerBound_NoMissingCodes_AndIntegerChoiceCodesTheirValue()
    {
        // Arrange
        var instrument = TestInstrument.Citizen with
        {
            Sections =
            [
                new Section("only", "Only", null, null,
                [
                    new Question("balance", QuestionType.Numeric, "Balance", null, false, null, null, [], new NumericBounds(null, 10, false, null), null, []),
                    new Question("rank", QuestionType.SingleChoice, "Rank", null, false, null, null, [new("10", "Ten"), new("-2", "Minus two")], null, null, []),
                    new Question("kind", QuestionType.MultipleChoice, "Kind", null, false, null, null, [new("a b", "A B")], null, null, []),
                ]),
            ],
            Scales = [],
        };

        // Act
        var layout = DatasetLayout.Build("s", [instrument]);

        // Assert
        Assert.Null(layout.Values[0].MissingCodes);
        Assert.Equal([new ValueLabel(-2, "Minus two"), new ValueLabel(10, "Ten")], layout.Values[1].ValueLabels);
        Assert.Equal(new MissingCodes(-3, -4, -5, -6, -7), layout.Values[1].MissingCodes);
        Assert.Equal("kind_a_b", layout.Values[2].Name);
    }

    [Fact]
    public void ScaleScorer_GivesNotAnswered_WhenTheMissingItemsHaveDifferentReasons()
    {
        // Arrange
        var instrument = TestInstrument.Citizen;
        var scale = new Scale("trust_scale", "Trust", null, ["trust_staff", "trust_info"], [], 1);
        var scorer = new ScaleScorer(instrument);
        var cells = new Dictionary<string, DatasetCell>
        {
            ["trust_staff"] = DatasetCell.MissingBecause(MissingReason.DontKnow),
            ["trust_info"] = DatasetCell.MissingBecause(MissingReason.NotReached),
        };

        // Act / Assert
        Assert.Equal(DatasetCell.MissingBecause(MissingReason.NotAnswered), scorer.Score(scale, cells));
        Assert.Equal(DatasetCell.Of(3), scorer.Score(scale, new Dictionary<string, DatasetCell> { ["trust_staff"] = DatasetCell.Of(3) }));
    }
}
