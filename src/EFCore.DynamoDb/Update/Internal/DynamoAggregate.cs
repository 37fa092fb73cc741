namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     One item to write: the entry of a root entity (not owned) with its write shape, and the owned navigations whose
///     attributes must be rewritten because an owned entity inside them was added, modified or deleted. The root may be
///     unchanged itself. <see cref="Entries" /> are the entries of the save that this one write stores: the root's and
///     its owned ones. A value, not an object: most saves hold no owned entity, and then one aggregate per entry.
/// </summary>
public readonly struct DynamoAggregate
{
    private readonly IReadOnlyList<IUpdateEntry>? _entries;

    /// <summary>An item holding no owned entity that changed: the entry is the only one it stores.</summary>
    public DynamoAggregate(IUpdateEntry root, DynamoWriteShape shape)
        : this(root, shape, System.Collections.Frozen.FrozenSet<INavigation>.Empty, null)
    {
    }

    /// <summary>An item with changed owned entities, stored by <paramref name="entries" /> (the root's entry among them if it changed).</summary>
    public DynamoAggregate(IUpdateEntry root, DynamoWriteShape shape, IReadOnlySet<INavigation> changedOwnedNavigations, IReadOnlyList<IUpdateEntry>? entries)
    {
        Root = root;
        Shape = shape;
        ChangedOwnedNavigations = changedOwnedNavigations;
        _entries = entries;
    }

    /// <summary>The entry of the root entity.</summary>
    public IUpdateEntry Root { get; }

    /// <summary>The write shape of the root's entity type.</summary>
    public DynamoWriteShape Shape { get; }

    /// <summary>The owned navigations of the root whose attributes are rewritten.</summary>
    public IReadOnlySet<INavigation> ChangedOwnedNavigations { get; }

    /// <summary>The entries of the save this write stores; built when asked for the root alone (only after a failure).</summary>
    public IReadOnlyList<IUpdateEntry> Entries => _entries ?? [Root];
}
