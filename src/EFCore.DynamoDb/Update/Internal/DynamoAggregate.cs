namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     One item to write: the entry of a root entity (not owned), and the owned navigations whose attributes must be
///     rewritten because an owned entity inside them was added, modified or deleted. The root may be unchanged itself.
///     <see cref="Entries" /> are the entries of the save that this one write stores: the root's and its owned ones.
/// </summary>
public sealed record DynamoAggregate(IUpdateEntry Root, IReadOnlySet<INavigation> ChangedOwnedNavigations, IReadOnlyList<IUpdateEntry> Entries);
