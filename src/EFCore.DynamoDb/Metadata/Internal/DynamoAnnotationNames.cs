namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>The names of the annotations the provider stores in the model.</summary>
public static class DynamoAnnotationNames
{
    public const string Prefix = "DynamoDb:";

    public const string TableName = Prefix + "TableName";

    public const string PartitionKey = Prefix + "PartitionKey";

    public const string SortKey = Prefix + "SortKey";

    public const string AttributeName = Prefix + "AttributeName";
}
