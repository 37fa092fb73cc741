using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>The physical table an entity type (and any type sharing its table) is stored in.</summary>
public sealed record DynamoTableSchema(string TableName, IEntityType EntityType)
{
    public IProperty PartitionKey => EntityType.GetPartitionKeyProperty();

    public IProperty? SortKey => EntityType.GetSortKeyProperty();

    /// <summary>The <c>CreateTable</c> request for this table.</summary>
    public CreateTableRequest ToCreateTableRequest()
    {
        var keys = SortKey == null ? [PartitionKey] : new[] { PartitionKey, SortKey };
        return new CreateTableRequest
        {
            TableName = TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = keys.Select((p, i) => new KeySchemaElement(p.GetAttributeName(), i == 0 ? KeyType.HASH : KeyType.RANGE)).ToList(),
            AttributeDefinitions = keys.Select(p => new AttributeDefinition(p.GetAttributeName(), ToAttributeType(p))).ToList()
        };
    }

    private static ScalarAttributeType ToAttributeType(IProperty keyProperty)
        => ((DynamoTypeMapping)keyProperty.GetTypeMapping()).ScalarType switch
        {
            DynamoScalarType.String => ScalarAttributeType.S,
            DynamoScalarType.Number => ScalarAttributeType.N,
            _ => ScalarAttributeType.B
        };
}
