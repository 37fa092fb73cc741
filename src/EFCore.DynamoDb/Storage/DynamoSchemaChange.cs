// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>One change <c>UpdateDynamoSchema</c> made (or, in a dry run, would make) to a table.</summary>
/// <param name="Table">The table's name, with the context's prefix.</param>
/// <param name="Index">The global secondary index concerned, if any.</param>
/// <param name="Kind">What kind of change it is.</param>
/// <param name="Description">A readable description of the change.</param>
public sealed record DynamoSchemaChange(string Table, string? Index, DynamoSchemaChangeKind Kind, string Description);
