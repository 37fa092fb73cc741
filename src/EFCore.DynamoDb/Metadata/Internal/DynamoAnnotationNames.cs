namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>The names of the annotations the provider stores in the model.</summary>
public static class DynamoAnnotationNames
{
    /// <summary>The prefix of every annotation the provider owns.</summary>
    public const string Prefix = "DynamoDb:";

    /// <summary>On a root entity type: the name of its table; the type's short name when absent.</summary>
    public const string TableName = Prefix + "TableName";

    /// <summary>On an entity type: the name of the property configured as the partition key.</summary>
    public const string PartitionKey = Prefix + "PartitionKey";

    /// <summary>On an entity type: the name of the property configured as the sort key.</summary>
    public const string SortKey = Prefix + "SortKey";

    /// <summary>
    ///     On a root entity type: the name of the (shadow) property holding its constant sort key, which is the table's sort
    ///     key but not part of the EF primary key.
    /// </summary>
    public const string ConstantSortKey = Prefix + "ConstantSortKey";

    /// <summary>On a root entity type with a constant sort key: the value every item of the type holds in it.</summary>
    public const string ConstantSortKeyValue = Prefix + "ConstantSortKeyValue";

    /// <summary>On a joined composite property: the text written before its joined components; none when absent.</summary>
    public const string CompositePrefix = Prefix + "CompositePrefix";

    /// <summary>On a property: the attribute it is stored in; the property's name when absent.</summary>
    public const string AttributeName = Prefix + "AttributeName";

    /// <summary>
    ///     On an owned entity type: the attribute of its owner's item it is stored in; the navigation's name when
    ///     absent.
    /// </summary>
    public const string ContainingAttributeName = Prefix + "ContainingAttributeName";

    /// <summary>On a composite property: the names of its components, in the order they are joined.</summary>
    public const string CompositeComponents = Prefix + "CompositeComponents";

    /// <summary>On a composite property: the text between its joined components; <c>:</c> when absent.</summary>
    public const string CompositeSeparator = Prefix + "CompositeSeparator";

    /// <summary>
    ///     On a composite property: the delegate computing it from the entity, instead of joining its components.
    /// </summary>
    public const string CompositeMerge = Prefix + "CompositeMerge";

    /// <summary>
    ///     On an entity type: the <see cref="DynamoEntityCheck" /> list a save validates its entities with.
    /// </summary>
    public const string Checks = Prefix + "Checks";

    /// <summary>
    ///     On an index: whether it is a local or a global secondary index; absent for an index DynamoDB does not know.
    /// </summary>
    public const string IndexKind = Prefix + "IndexKind";

    /// <summary>How many of a global index's properties are partition attributes (set only when more than one).</summary>
    public const string IndexPartitionKeyCount = Prefix + "IndexPartitionKeyCount";

    /// <summary>On a secondary index: which attributes it projects; all when absent.</summary>
    public const string IndexProjection = Prefix + "IndexProjection";

    /// <summary>On a secondary index projecting included attributes: the names of the properties it includes.</summary>
    public const string IndexIncludedProperties = Prefix + "IndexIncludedProperties";

    /// <summary>On an entity type or a global index: the provisioned read capacity units.</summary>
    public const string ReadCapacityUnits = Prefix + "ReadCapacityUnits";

    /// <summary>On an entity type or a global index: the provisioned write capacity units.</summary>
    public const string WriteCapacityUnits = Prefix + "WriteCapacityUnits";

    /// <summary>On a root entity type: the name of the property DynamoDB's time to live reads.</summary>
    public const string TimeToLiveProperty = Prefix + "TimeToLiveProperty";
}
