using System.Diagnostics;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     One value of a <see cref="DynamoValueRecording" />: the node an execution evaluates for its placeholder, which
///     may not be null there (where a null would have been written otherwise, the text records that as it was).
/// </summary>
public sealed class DynamoRecordedValue
{
    private readonly Expression _subject;
    private readonly Func<Expression, string> _nullMessage;

    // A constant string or number is stored the same way by every execution: it is converted once, and the executions
    // share it, as nothing changes a request's values. A constant holding a collection or a stream is converted each
    // time, so that no request shares its lists or stream.
    private readonly bool _isConstant;
    private AttributeValue? _constant;

    /// <param name="value">The value's node.</param>
    /// <param name="subject">What the value is for (the key value, the attribute written or compared), which the message names.</param>
    /// <param name="nullMessage">
    ///     What an execution whose value is null is told, as a full render would tell it; a function of <paramref name="subject" />,
    ///     so that a recording allocates no message until one is needed.
    /// </param>
    public DynamoRecordedValue(DynamoValueExpression value, Expression subject, Func<Expression, string> nullMessage)
    {
        Value = value;
        _isConstant = value.IsConstant;
        _subject = subject;
        _nullMessage = nullMessage;
    }

    /// <summary>
    ///     A value this execution evaluated: a text that holds it is for this execution only
    ///     (<see cref="DynamoValueRecording.HoldsForEveryExecution" />).
    /// </summary>
    public static DynamoRecordedValue Fixed(AttributeValue value)
    {
        var stored = DynamoValueExpression.Stored(value);
        return new DynamoRecordedValue(stored, stored, static _ => throw new UnreachableException());
    }

    /// <summary>The value's node: a constant, a parameter, or an already stored value.</summary>
    public DynamoValueExpression Value { get; }

    /// <summary>The value as stored, given an execution's parameter values.</summary>
    public AttributeValue Evaluate(IReadOnlyDictionary<string, object?> parameters)
        => _constant ?? Remember(Value.Evaluate(parameters) ?? throw new InvalidOperationException(_nullMessage(_subject)));

    private AttributeValue Remember(AttributeValue value)
    {
        if (_isConstant && value is { S: not null } or { N: not null })
        {
            _constant = value;
        }

        return value;
    }
}
