namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>The names of the annotations the provider stores in the model.</summary>
public static class DynamoAnnotationNames
{
    public const string Prefix = "DynamoDb:";

    public const string TableName = Prefix + "TableName";

    public const string PartitionKey = Prefix + "PartitionKey";

    public const string SortKey = Prefix + "SortKey";

    public const string AttributeName = Prefix + "AttributeName";

    public const string ContainingAttributeName = Prefix + "ContainingAttributeName";

    public const string CompositeComponents = Prefix + "CompositeComponents";

    public const string CompositeSeparator = Prefix + "CompositeSeparator";

    public const string CompositeMerge = Prefix + "CompositeMerge";

    public const string Checks = Prefix + "Checks";

    public const string IndexKind = Prefix + "IndexKind";

    /// <summary>How many of a global index's properties are partition attributes (set only when more than one).</summary>
    public const string IndexPartitionKeyCount = Prefix + "IndexPartitionKeyCount";

    public const string IndexProjection = Prefix + "IndexProjection";

    public const string IndexIncludedProperties = Prefix + "IndexIncludedProperties";

    public const string ReadCapacityUnits = Prefix + "ReadCapacityUnits";

    public const string WriteCapacityUnits = Prefix + "WriteCapacityUnits";

    public const string TimeToLiveProperty = Prefix + "TimeToLiveProperty";
}
