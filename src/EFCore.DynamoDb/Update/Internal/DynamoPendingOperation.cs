namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     The atomic operations recorded on one property of a tracked entity until the next <c>SaveChanges</c>: an increment
///     (<c>ADD</c> of a number) or elements to add to or remove from a set (<c>ADD</c>/<c>DELETE</c>), and the value the
///     property must still hold then (an assignment after the operation would otherwise be lost).
/// </summary>
public sealed class DynamoPendingOperation
{
    /// <summary>The sum of the increments recorded, or <see langword="null" /> when the property is a set.</summary>
    public object? Delta { get; set; }

    /// <summary>The elements to add to the set, in the order recorded.</summary>
    public List<object> ElementsToAdd { get; } = [];

    /// <summary>The elements to remove from the set, in the order recorded.</summary>
    public List<object> ElementsToRemove { get; } = [];

    /// <summary>
    ///     The value the property holds after the operations were applied in memory; any other value at save time means
    ///     it was assigned since.
    /// </summary>
    public object? ExpectedValue { get; set; }
}
