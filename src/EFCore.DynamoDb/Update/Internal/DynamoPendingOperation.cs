namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     The atomic operations recorded on one property of a tracked entity until the next <c>SaveChanges</c>: an increment
///     (<c>ADD</c> of a number) or elements to add to or remove from a set (<c>ADD</c>/<c>DELETE</c>), and the value the
///     property must still hold then (an assignment after the operation would otherwise be lost).
/// </summary>
public sealed class DynamoPendingOperation
{
    public object? Delta { get; set; }

    public List<object> ElementsToAdd { get; } = [];

    public List<object> ElementsToRemove { get; } = [];

    public object? ExpectedValue { get; set; }
}
