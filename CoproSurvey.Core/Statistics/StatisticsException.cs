namespace CoproSurvey.Core.Statistics;

/// <summary>Base of every error the statistics library raises for a problem in the data (never for a bug).</summary>
public abstract class StatisticsException(string message) : Exception(message);

/// <summary>Too few (complete) cases for the requested statistic; the message names the sizes involved.</summary>
public sealed class InsufficientDataException(string message, int available, int required) : StatisticsException(message)
{
    /// <summary>Cases that were usable.</summary>
    public int Available { get; } = available;

    /// <summary>Cases the statistic needs at the least.</summary>
    public int Required { get; } = required;
}

/// <summary>A variable (or a group) has no variance where the statistic needs some.</summary>
public sealed class ConstantVariableException(string message, string variable) : StatisticsException(message)
{
    /// <summary>The name of the constant variable, or a description of the group.</summary>
    public string Variable { get; } = variable;
}

/// <summary>A matrix the method must invert or factor is singular (or numerically so); the message names the sizes.</summary>
public sealed class SingularMatrixException(string message) : StatisticsException(message);

/// <summary>An iterative fit did not converge, or the data make the estimate infinite (e.g. separation in logistic regression).</summary>
public sealed class ConvergenceException(string message) : StatisticsException(message);
