using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     What a render in recording mode (<see cref="DynamoExpressionRenderer" />) left unbound: the value behind each of
///     its placeholders <c>:v0</c>, <c>:v1</c>…, in their order, for every execution that reuses the text to bind its own
///     (<see cref="Bind" />). A render may also have written what only its own execution's parameter values decide — a
///     name read from a parameter, an existence test for a parameter that was null, the values of an <c>IN</c>
///     (evaluated as the render writes them, constant or not); <see cref="HoldsForEveryExecution" /> then says that the text is for that execution alone.
/// </summary>
public sealed class DynamoValueRecording
{
    private readonly List<DynamoRecordedValue> _values = [];

    /// <summary>The values, in the order of their placeholders.</summary>
    public IReadOnlyList<DynamoRecordedValue> Values => _values;

    /// <summary>
    ///     Whether the recorded text is the same for every execution, so that another execution may reuse it and bind its
    ///     values; otherwise only the execution it was rendered for may.
    /// </summary>
    public bool HoldsForEveryExecution { get; private set; } = true;

    /// <summary>
    ///     The <c>ExpressionAttributeValues</c> of an execution: each value evaluated with <paramref name="parameters" />
    ///     under its placeholder; <see langword="null" /> when none.
    /// </summary>
    public Dictionary<string, AttributeValue>? Bind(IReadOnlyDictionary<string, object?> parameters)
    {
        if (_values.Count == 0)
        {
            return null;
        }

        var values = new Dictionary<string, AttributeValue>(_values.Count, StringComparer.Ordinal);
        for (var i = 0; i < _values.Count; i++)
        {
            values.Add(DynamoExpressionPlaceholders.ValuePlaceholder(i), _values[i].Evaluate(parameters));
        }

        return values;
    }

    // The renderer hands out the placeholder as it records the value, so the two follow the same order.
    internal void Add(DynamoRecordedValue value) => _values.Add(value);

    // A text that this execution's parameter values shaped is for this execution only.
    internal void PinToThisExecution() => HoldsForEveryExecution = false;
}
