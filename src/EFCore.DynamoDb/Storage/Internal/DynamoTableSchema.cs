using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The physical table an entity type (and any type sharing its table) is stored in, as the model defines it: key
///     schema, secondary indexes, billing and time to live, and the requests that create it.
/// </summary>
/// <param name="TableName">The table's name, prefixed.</param>
/// <param name="EntityTypes">
///     The root entity types stored in the table, the first of them defining its key schema (model validation makes the
///     others agree with it).
/// </param>
public sealed record DynamoTableSchema(string TableName, IReadOnlyList<IEntityType> EntityTypes)
{
    /// <summary>The table's schema for an entity type that is alone in it.</summary>
    public DynamoTableSchema(string tableName, IEntityType entityType)
        : this(tableName, [entityType])
    {
    }

    /// <summary>The root entity type that defines the table's key schema.</summary>
    public IEntityType EntityType => EntityTypes[0];

    /// <summary>The partition key of the table's root entity type.</summary>
    public IProperty PartitionKey => EntityType.GetPartitionKeyProperty();

    /// <summary>The sort key of the table's root entity type, if it has one.</summary>
    public IProperty? SortKey => EntityType.GetSortKeyProperty();

    private IProperty[] SortKeys => SortKey == null ? [] : [SortKey];

    /// <summary>The provisioned throughput; <see langword="null" /> for a table billed per request.</summary>
    public DynamoThroughput? Throughput => EntityTypes.Select(e => e.GetProvisionedThroughput()).FirstOrDefault(t => t != null);

    /// <summary>The attribute DynamoDB's time to live reads, if the model configures one.</summary>
    public string? TimeToLiveAttribute => EntityTypes.Select(e => e.GetTimeToLiveProperty()).FirstOrDefault(p => p != null)?.GetAttributeName();

    /// <summary>The local secondary indexes of the table's entity types (each type sharing the table, and a derived type, may declare its own).</summary>
    public IReadOnlyList<IIndex> LocalIndexes => GetIndexes(DynamoIndexKind.Local);

    /// <summary>The global secondary indexes of the table's entity types.</summary>
    public IReadOnlyList<IIndex> GlobalIndexes => GetIndexes(DynamoIndexKind.Global);

    /// <summary>The distinct tables of a model, each with the root entity types stored in it.</summary>
    public static IEnumerable<DynamoTableSchema> FromModel(IModel model, IDynamoTableNameResolver tableNames)
        => model.GetEntityTypes()
            .Where(e => e.BaseType == null && !e.IsOwned() && e.FindPrimaryKey() != null)
            .GroupBy(tableNames.Resolve)
            .Select(group => new DynamoTableSchema(group.Key, group.ToList()));

    /// <summary>The <c>CreateTable</c> request for this table, with its indexes.</summary>
    public CreateTableRequest ToCreateTableRequest()
        => new()
        {
            TableName = TableName,
            BillingMode = Throughput == null ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            ProvisionedThroughput = ToProvisionedThroughput(Throughput),
            KeySchema = ToKeySchema([PartitionKey], SortKeys),
            AttributeDefinitions = GetAttributeDefinitions(LocalIndexes.Concat(GlobalIndexes)),
            LocalSecondaryIndexes = LocalIndexes.Count == 0
                ? null
                : LocalIndexes.Select(i => new LocalSecondaryIndex
                {
                    IndexName = i.Name,
                    KeySchema = ToKeySchema([PartitionKey], i.GetSortKeyProperties()),
                    Projection = ToProjection(i)
                }).ToList(),
            GlobalSecondaryIndexes = GlobalIndexes.Count == 0
                ? null
                : GlobalIndexes.Select(i => new GlobalSecondaryIndex
                {
                    IndexName = i.Name,
                    KeySchema = ToKeySchema(i),
                    Projection = ToProjection(i),
                    ProvisionedThroughput = ToProvisionedThroughput(GetThroughput(i))
                }).ToList()
        };

    /// <summary>The <c>UpdateTable</c> action that adds a global secondary index to the existing table.</summary>
    public CreateGlobalSecondaryIndexAction ToCreateIndexAction(IIndex globalIndex)
        => new()
        {
            IndexName = globalIndex.Name,
            KeySchema = ToKeySchema(globalIndex),
            Projection = ToProjection(globalIndex),
            ProvisionedThroughput = ToProvisionedThroughput(GetThroughput(globalIndex))
        };

    /// <summary>The global secondary indexes of the model that the existing table lacks.</summary>
    public IEnumerable<IIndex> MissingGlobalIndexes(TableDescription table)
        => Missing(GlobalIndexes, table.GlobalSecondaryIndexes?.Select(i => i.IndexName));

    /// <summary>
    ///     The global secondary indexes the existing table has under a model index's name but with another key (a
    ///     multi-attribute key counts each attribute, in order), with the key the table's index has.
    /// </summary>
    public IEnumerable<(IIndex Index, string ActualKey)> MismatchedGlobalIndexes(TableDescription table)
        => (table.GlobalSecondaryIndexes ?? [])
            .Select(existing => (Index: GlobalIndexes.FirstOrDefault(i => i.Name == existing.IndexName),
                ActualKey: DescribeKeySchema(existing.KeySchema ?? [], table.AttributeDefinitions ?? [])))
            .Where(m => m.Index != null && m.ActualKey != DescribeKeySchema(m.Index))
            .Select(m => (m.Index!, m.ActualKey));

    /// <summary>Refuses an existing global index whose key is not the model's: DynamoDB cannot change an index's key.</summary>
    public void EnsureGlobalIndexKeysMatch(TableDescription table)
    {
        if (MismatchedGlobalIndexes(table).FirstOrDefault() is ({ } index, { } actualKey))
        {
            throw new InvalidOperationException(DynamoStrings.SchemaIndexKeyMismatch(TableName, index.Name, DescribeKeySchema(index), actualKey));
        }
    }

    /// <summary>The local secondary indexes of the model that the existing table lacks (they can only be created with it).</summary>
    public IEnumerable<IIndex> MissingLocalIndexes(TableDescription table)
        => Missing(LocalIndexes, table.LocalSecondaryIndexes?.Select(i => i.IndexName));

    /// <summary>Whether the model has a time-to-live property that the existing table does not expire items on.</summary>
    public bool LacksTimeToLive(TimeToLiveDescription? timeToLive)
        => TimeToLiveAttribute != null
            && !((timeToLive?.TimeToLiveStatus == TimeToLiveStatus.ENABLED || timeToLive?.TimeToLiveStatus == TimeToLiveStatus.ENABLING)
                && timeToLive.AttributeName == TimeToLiveAttribute);

    /// <summary>
    ///     What of the model the existing table lacks, described for the log: missing indexes, global indexes keyed
    ///     otherwise, and time to live.
    /// </summary>
    public IReadOnlyList<string> DescribeMissing(TableDescription table, TimeToLiveDescription? timeToLive)
        => MissingGlobalIndexes(table).Select(i => DynamoStrings.SchemaMissingGlobalIndex(i.Name))
            .Concat(MismatchedGlobalIndexes(table).Select(m => DynamoStrings.SchemaMismatchedGlobalIndex(m.Index.Name, DescribeKeySchema(m.Index), m.ActualKey)))
            .Concat(MissingLocalIndexes(table).Select(i => DynamoStrings.SchemaMissingLocalIndex(i.Name)))
            .Concat(LacksTimeToLive(timeToLive) ? [DynamoStrings.SchemaMissingTimeToLive(TimeToLiveAttribute)] : [])
            .ToList();

    /// <summary>The request that enables the table's time to live, if the model has a time-to-live property.</summary>
    public UpdateTimeToLiveRequest? ToTimeToLiveRequest()
        => TimeToLiveAttribute is { } attribute
            ? new UpdateTimeToLiveRequest
            {
                TableName = TableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = true }
            }
            : null;

    /// <summary>The throughput a global index is created with: its own, else the table's; none on an on-demand table.</summary>
    public DynamoThroughput? GetThroughput(IIndex globalIndex)
        => Throughput == null ? null : globalIndex.GetProvisionedThroughput() ?? Throughput;

    /// <summary>
    ///     The SDK's throughput of <paramref name="throughput" />; <see langword="null" /> for on-demand billing.
    /// </summary>
    public static ProvisionedThroughput? ToProvisionedThroughput(DynamoThroughput? throughput)
        => throughput is { } t ? new ProvisionedThroughput(t.ReadCapacityUnits, t.WriteCapacityUnits) : null;

    /// <summary>
    ///     The attribute definitions of the table's key and of the given indexes' keys, each attribute once (DynamoDB
    ///     refuses definitions no key uses).
    /// </summary>
    public List<AttributeDefinition> GetAttributeDefinitions(IEnumerable<IIndex> indexes)
        => SortKeys.Prepend(PartitionKey)
            .Concat(indexes.SelectMany(i => i.GetPartitionKeyProperties().Concat(i.GetSortKeyProperties())))
            .DistinctBy(p => p.GetAttributeName())
            .Select(p => new AttributeDefinition(p.GetAttributeName(), ToAttributeType(p)))
            .ToList();

    /// <summary>The key schema the model expects, e.g. <c>UserId (S, HASH), Title (S, RANGE)</c>.</summary>
    public string DescribeKeySchema()
        => DescribeKeySchema(ToKeySchema([PartitionKey], SortKeys), GetAttributeDefinitions([]));

    /// <summary>A global index's key, in the same form as <see cref="DescribeKeySchema()" />.</summary>
    public string DescribeKeySchema(IIndex globalIndex)
        => DescribeKeySchema(ToKeySchema(globalIndex), GetAttributeDefinitions([globalIndex]));

    /// <summary>An index's projection, e.g. <c>ALL</c> or <c>INCLUDE (Wins, Losses)</c>.</summary>
    public static string DescribeProjection(IIndex index)
    {
        var projection = ToProjection(index);
        return projection.NonKeyAttributes is { Count: > 0 } attributes
            ? $"{projection.ProjectionType.Value} ({string.Join(", ", attributes)})"
            : projection.ProjectionType.Value;
    }

    /// <summary>Refuses an existing table whose key is not the model's: DynamoDB cannot change a table's key.</summary>
    public void EnsureKeySchemaMatches(TableDescription table)
    {
        var expected = DescribeKeySchema();
        var actual = DescribeKeySchema(table.KeySchema ?? [], table.AttributeDefinitions ?? []);
        if (expected != actual)
        {
            throw new InvalidOperationException(DynamoStrings.SchemaKeyMismatch(TableName, expected, actual));
        }
    }

    private static string DescribeKeySchema(List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions)
        => string.Join(
            ", ",
            keySchema.Select(k => $"{k.AttributeName} ({definitions.Find(d => d.AttributeName == k.AttributeName)?.AttributeType?.Value}, {k.KeyType?.Value})"));

    private List<IIndex> GetIndexes(DynamoIndexKind kind)
        => EntityTypes.SelectMany(root => root.GetDerivedTypesInclusive())
            .SelectMany(e => e.GetDeclaredIndexes())
            .Where(i => i.GetDynamoIndexKind() == kind)
            .DistinctBy(i => i.Name)
            .ToList();

    private static List<KeySchemaElement> ToKeySchema(IIndex globalIndex)
        => ToKeySchema(globalIndex.GetPartitionKeyProperties(), globalIndex.GetSortKeyProperties());

    // A multi-attribute key lists several HASH elements, then several RANGE elements, in key order.
    private static List<KeySchemaElement> ToKeySchema(IEnumerable<IProperty> partitionKey, IEnumerable<IProperty> sortKey)
        => partitionKey.Select(p => new KeySchemaElement(p.GetAttributeName(), KeyType.HASH))
            .Concat(sortKey.Select(p => new KeySchemaElement(p.GetAttributeName(), KeyType.RANGE)))
            .ToList();

    private static Projection ToProjection(IIndex index)
        => index.GetProjectionType() switch
        {
            DynamoProjectionType.KeysOnly => new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
            DynamoProjectionType.Include => new Projection
            {
                ProjectionType = ProjectionType.INCLUDE,
                NonKeyAttributes = index.GetIncludedPropertyNames().Select(n => index.DeclaringEntityType.FindProperty(n)!.GetAttributeName()).ToList()
            },
            _ => new Projection { ProjectionType = ProjectionType.ALL }
        };

    private static ScalarAttributeType ToAttributeType(IProperty keyProperty)
        => ((DynamoTypeMapping)keyProperty.GetTypeMapping()).ScalarType switch
        {
            DynamoScalarType.String => ScalarAttributeType.S,
            DynamoScalarType.Number => ScalarAttributeType.N,
            _ => ScalarAttributeType.B
        };

    private static IEnumerable<IIndex> Missing(IReadOnlyList<IIndex> indexes, IEnumerable<string>? existing)
    {
        var names = (existing ?? []).ToHashSet(StringComparer.Ordinal);
        return indexes.Where(i => !names.Contains(i.Name!));
    }
}
