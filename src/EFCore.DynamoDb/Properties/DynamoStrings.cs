using System.Resources;

namespace EFCore.DynamoDb.Internal;

/// <summary>
///     Every user-facing message of the provider, read from <c>Properties/DynamoStrings.resx</c>.
/// </summary>
public static class DynamoStrings
{
    internal static readonly ResourceManager ResourceManager = new("EFCore.DynamoDb.Properties.DynamoStrings", typeof(DynamoStrings).Assembly);

    /// <summary>The query for '{0}' can be answered equally well by the indexes {1} (Flywheel's "More than one ordering found"). Choose one with .WithIndex("name").</summary>
    public static string AmbiguousIndex(object? entityType, object? candidates)
        => string.Format(CultureInfo.CurrentCulture, GetString("AmbiguousIndex"), entityType, candidates);

    /// <summary>The property '{0}.{1}' cannot be changed atomically: it is not a number. Only plain number properties can be incremented, and only sets can have elements added or removed.</summary>
    public static string AtomicIncrementNotNumber(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("AtomicIncrementNotNumber"), entityType, property);

    /// <summary>The property '{0}.{1}' cannot be changed atomically: it is a key or a composite. Only plain number properties can be incremented, and only sets can have elements added or removed.</summary>
    public static string AtomicOperationOnKey(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("AtomicOperationOnKey"), entityType, property);

    /// <summary>The property '{0}.{1}' cannot be changed atomically: it is not a set. Only plain number properties can be incremented, and only sets can have elements added or removed.</summary>
    public static string AtomicSetOperationNotSet(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("AtomicSetOperationNotSet"), entityType, property);

    /// <summary>The property '{0}.{1}' was changed atomically (Increment, AddToSet or RemoveFromSet) and then assigned before SaveChanges; both cannot be sent together. Save between them, or only assign.</summary>
    public static string AtomicOperationThenAssigned(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("AtomicOperationThenAssigned"), entityType, property);

    /// <summary>The changes of this SaveChanges were written, but reading back the result of an atomic operation on the '{0}' entity in table '{1}' failed: {2}. Do not save again, which would apply the operation twice: reload the entity instead.</summary>
    public static string AtomicReadBackFailed(object? entityType, object? table, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("AtomicReadBackFailed"), entityType, table, reason);

    /// <summary>The attribute '{0}' of an item cannot be read as the property '{1}.{2}': {3}</summary>
    public static string AttributeNotReadable(object? attributeName, object? entityType, object? property, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("AttributeNotReadable"), attributeName, entityType, property, reason);

    /// <summary>{0} on '{1}' in table '{2}' failed after {3} items were written, which stay written: {4}</summary>
    public static string BulkWriteFailed(object? operation, object? entityType, object? table, object? written, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("BulkWriteFailed"), operation, entityType, table, written, reason);

    /// <summary>The '{0}' entity fails its check '{1}', so it was not saved.</summary>
    public static string CheckFailed(object? entityType, object? check)
        => string.Format(CultureInfo.CurrentCulture, GetString("CheckFailed"), entityType, check);

    /// <summary>The property '{0}.{1}' of type '{2}' cannot be mapped to DynamoDB, which stores sets of strings, numbers or binary values (SS, NS, BS), lists and arrays of scalar values (L) and dictionaries with string keys (M). Change the element or key type, configure a value converter, or ignore the property.</summary>
    public static string CollectionTypeNotSupported(object? entityType, object? property, object? clrType)
        => string.Format(CultureInfo.CurrentCulture, GetString("CollectionTypeNotSupported"), entityType, property, clrType);

    /// <summary>The entity type '{0}' has the check '{1}', configured with HasCheck as a delegate, which a compiled model cannot contain (it stores annotations as code, and a lambda cannot be written as code). Remove the check from the model used by 'dotnet ef dbcontext optimize', or validate the entity in SaveChanges instead.</summary>
    public static string CompiledModelCheck(object? entityType, object? check)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompiledModelCheck"), entityType, check);

    /// <summary>The composite '{0}.{1}' is computed by a merge function configured with HasMerge, a delegate that a compiled model cannot contain (it stores annotations as code, and a lambda cannot be written as code). Use the components and separator instead of HasMerge, or do not use a compiled model for this context.</summary>
    public static string CompiledModelCompositeMerge(object? entityType, object? composite)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompiledModelCompositeMerge"), entityType, composite);

    /// <summary>The composite '{0}.{1}' names the component '{2}', which is not a mapped property of '{0}'.</summary>
    public static string CompositeComponentNotFound(object? entityType, object? composite, object? component)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompositeComponentNotFound"), entityType, composite, component);

    /// <summary>A component of '{0}.{1}' ({2}) changed, which would change the key composite '{1}'. Keys cannot change: delete the entity and add a new one.</summary>
    public static string CompositeKeyChanged(object? entityType, object? composite, object? components)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompositeKeyChanged"), entityType, composite, components);

    /// <summary>The composite '{0}.{1}' is of type '{2}', but joined components make a string. Make it a string, or compute it with HasMerge.</summary>
    public static string CompositeNotString(object? entityType, object? composite, object? clrType)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompositeNotString"), entityType, composite, clrType);

    /// <summary>The composite '{0}.{1}' has the component '{2}', which is itself a composite or the composite itself; components must be ordinary properties.</summary>
    public static string CompositeOfComposite(object? entityType, object? composite, object? component)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompositeOfComposite"), entityType, composite, component);

    /// <summary>The composite '{0}.{1}' holds a value other than the one computed from {2}. A composite cannot be set directly: set its components instead (before adding the entity when the composite is part of the key).</summary>
    public static string CompositeSetDirectly(object? entityType, object? composite, object? components)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompositeSetDirectly"), entityType, composite, components);

    /// <summary>The composite '{0}.{1}' needs at least one component property.</summary>
    public static string CompositeWithoutComponents(object? entityType, object? composite)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompositeWithoutComponents"), entityType, composite);

    /// <summary>The '{0}' item in table '{1}' was changed or deleted since this context read or saved it: a condition of this save no longer holds, so nothing was written for it. Reload the entity and apply the change again.</summary>
    public static string ConcurrencyConflict(object? entityType, object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConcurrencyConflict"), entityType, table);

    /// <summary>The '{0}' item in table '{1}' does not hold the original value of {2} that this save required, so nothing was written for it. This context never read the entity, so that original value is the one it was attached with: set Entry(entity).Property("{3}").OriginalValue to the value the change was based on (or query the entity instead of attaching it), then save again.</summary>
    public static string ConcurrencyTokenNotRead(object? entityType, object? table, object? tokens, object? token)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConcurrencyTokenNotRead"), entityType, table, tokens, token);

    /// <summary>The query for '{0}' reads the global secondary index '{1}', which DynamoDB cannot read consistently. Remove WithConsistentRead, or query the table or a local index.</summary>
    public static string ConsistentReadOnGlobalIndex(object? entityType, object? index)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConsistentReadOnGlobalIndex"), entityType, index);

    /// <summary>'{0}' cannot be applied to '{1}': a value converter stores this collection as one {2} attribute, which DynamoDB cannot search as a list or a set. Map the property without the converter (as a list or set attribute) to filter on its elements, or filter on the client after AsEnumerable().</summary>
    public static string ConvertedCollectionNotSearchable(object? operation, object? property, object? type)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConvertedCollectionNotSearchable"), operation, property, type);

    /// <summary>The dictionary key used in the query on '{0}' is null. DynamoDB map keys are strings; pass a non-null key.</summary>
    public static string DictionaryKeyMissing(object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("DictionaryKeyMissing"), property);

    /// <summary>The properties '{0}.{1}' and '{0}.{2}' are both mapped to the attribute '{3}'. Give each property its own attribute name with HasAttributeName (ToAttribute for an owned navigation).</summary>
    public static string DuplicateAttributeName(object? entityType, object? property1, object? property2, object? attributeName)
        => string.Format(CultureInfo.CurrentCulture, GetString("DuplicateAttributeName"), entityType, property1, property2, attributeName);

    /// <summary>The index '{1}' of the entity type '{0}' and the index '{1}' of the entity type '{3}' share the name '{1}' in table '{2}' but differ in kind or keys. Index names are unique in a table: rename one of them, or give both the same kind and key properties.</summary>
    public static string DuplicateIndexName(object? entityType, object? index, object? table, object? otherEntityType)
        => string.Format(CultureInfo.CurrentCulture, GetString("DuplicateIndexName"), entityType, index, table, otherEntityType);

    /// <summary>Cannot insert the '{0}' entity: an item with the same key already exists in table '{1}'. An insert never replaces an existing item; attach the entity and call Update to change it.</summary>
    public static string DuplicateKey(object? entityType, object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("DuplicateKey"), entityType, table);

    /// <summary>This DbContext does not use the DynamoDB provider. Call UseDynamoDb in OnConfiguring or AddDbContext.</summary>
    public static string DynamoDbNotInUse => GetString("DynamoDbNotInUse");

    /// <summary>DynamoDB at '{0}' could not be reached: {1} Check that the database is running and that ServiceUrl or Region names it. The request was not sent, so it is not retried.</summary>
    public static string EndpointUnreachable(object? endpoint, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("EndpointUnreachable"), endpoint, reason);

    /// <summary>The condition '{0}' compares a {1} with a {2} through Equals(object), which C# finds true only when both are null. Convert the value to {1}, or compare with ==.</summary>
    public static string EqualsAcrossTypesWithNull(object? expression, object? propertyType, object? valueType)
        => string.Format(CultureInfo.CurrentCulture, GetString("EqualsAcrossTypesWithNull"), expression, propertyType, valueType);

    /// <summary>The filter '{0}' cannot be applied to '{1}', which DynamoDB stores as {2}. Filters allowed on {2}: {3}, and comparisons with null.</summary>
    public static string FilterNotAllowed(object? filter, object? property, object? type, object? allowed)
        => string.Format(CultureInfo.CurrentCulture, GetString("FilterNotAllowed"), filter, property, type, allowed);

    /// <summary>Include of the navigation '{0}' is not yet supported: DynamoDB has no joins, and the provider does not yet read related entities. Remove the Include and query '{1}' separately by its key, or model the related data as an owned or complex type stored inside the item.</summary>
    public static string IncludeNotSupported(object? navigation, object? targetType)
        => string.Format(CultureInfo.CurrentCulture, GetString("IncludeNotSupported"), navigation, targetType);

    /// <summary>Include of the navigation '{0}' reads each '{1}' by its table key, built from the foreign key {2}; but the {3} '{4}' of '{1}' is not part of what the foreign key references, so the key cannot be built. Make the foreign key reference the table key of '{1}', or query '{1}' separately by its key.</summary>
    public static string IncludePrincipalKeyNotInForeignKey(object? navigation, object? principalType, object? foreignKey, object? keyKind, object? keyProperty)
        => string.Format(CultureInfo.CurrentCulture, GetString("IncludePrincipalKeyNotInForeignKey"), navigation, principalType, foreignKey, keyKind, keyProperty);

    /// <summary>Include of the navigation '{0}' is not yet supported: '{1}' has the sort key '{2}', and Include reads the principals with BatchGetItem by their partition key alone. Query '{1}' separately by its key, or load each with Entry(...).Reference(...).Load().</summary>
    public static string IncludePrincipalSortKeyNotSupported(object? navigation, object? principalType, object? sortKey)
        => string.Format(CultureInfo.CurrentCulture, GetString("IncludePrincipalSortKeyNotSupported"), navigation, principalType, sortKey);

    /// <summary>Include of the navigation '{0}' reads the foreign key '{1}' from each entity, but '{1}' is a shadow property. Add the property to the entity class, or load each with Entry(...).Reference(...).Load().</summary>
    public static string IncludeShadowForeignKeyNotSupported(object? navigation, object? foreignKey)
        => string.Format(CultureInfo.CurrentCulture, GetString("IncludeShadowForeignKeyNotSupported"), navigation, foreignKey);

    /// <summary>The configuration sets only one of '{0}' and '{1}'. Set both, or neither to use the AWS SDK's default credential chain.</summary>
    public static string IncompleteConfiguredCredentials(object? accessKeyPath, object? secretKeyPath)
        => string.Format(CultureInfo.CurrentCulture, GetString("IncompleteConfiguredCredentials"), accessKeyPath, secretKeyPath);

    /// <summary>The key property '{0}.{2}' of the index '{1}' is of type '{3}', which is not stored as a string, number or binary attribute; DynamoDB index keys must be one of those. Use another property, or a value converter to one of those types.</summary>
    public static string IndexKeyPropertyTypeNotSupported(object? entityType, object? index, object? property, object? clrType)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexKeyPropertyTypeNotSupported"), entityType, index, property, clrType);

    /// <summary>The query reads the secondary index '{0}' of table '{1}', which the table does not have: the model defines the index, but the table was created without it. Call Database.UpdateDynamoSchema() to add a missing global index (a local index can only be created with its table).</summary>
    public static string IndexMissingFromTable(object? index, object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexMissingFromTable"), index, table);

    /// <summary>The entity type '{0}' has no secondary index '{1}'. Its indexes are: {2}.</summary>
    public static string IndexNotFound(object? entityType, object? index, object? indexes)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexNotFound"), entityType, index, indexes);

    /// <summary>The global secondary index '{1}' of the entity type '{0}' has a multi-attribute key ({2}), and '{3}' is a composite: a multi-attribute key stores each attribute natively, with nothing joined. Key the index on the composite's components ({4}) instead, or on the composite alone.</summary>
    public static string IndexMultiAttributeKeyComposite(object? entityType, object? index, object? properties, object? composite, object? components)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexMultiAttributeKeyComposite"), entityType, index, properties, composite, components);

    /// <summary>The index '{1}' of the entity type '{0}' refers to '{2}', which is not a mapped property of '{0}'. Name a property of the entity type (not a navigation or an ignored property).</summary>
    public static string IndexPropertyNotMapped(object? entityType, object? index, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexPropertyNotMapped"), entityType, index, property);

    /// <summary>The global secondary index '{1}' of the entity type '{0}' has provisioned throughput, but its table is billed per request. Call HasProvisionedThroughput on the entity type too, or remove it from the index.</summary>
    public static string IndexThroughputOnDemandTable(object? entityType, object? index)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexThroughputOnDemandTable"), entityType, index);

    /// <summary>The global secondary index '{1}' of the entity type '{0}' has more than {3} partition key attributes ({2}); DynamoDB allows 1 to {3}. Key the index on fewer properties; conditions on the others become filters.</summary>
    public static string IndexTooManyPartitionKeyAttributes(object? entityType, object? index, object? properties, object? limit)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexTooManyPartitionKeyAttributes"), entityType, index, properties, limit);

    /// <summary>The global secondary index '{1}' of the entity type '{0}' has more than {3} sort key attributes ({2}); DynamoDB allows up to {3}. Key the index on fewer properties; conditions on the others become filters.</summary>
    public static string IndexTooManySortKeyAttributes(object? entityType, object? index, object? properties, object? limit)
        => string.Format(CultureInfo.CurrentCulture, GetString("IndexTooManySortKeyAttributes"), entityType, index, properties, limit);

    /// <summary>The '{0}' entity was not inserted into table '{1}': its SaveOnlyIf condition did not hold, or an item with its key already exists.</summary>
    public static string InsertConditionFailed(object? entityType, object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("InsertConditionFailed"), entityType, table);

    /// <summary>The configuration value '{0}' is not valid: {1}</summary>
    public static string InvalidConfigurationValue(object? key, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidConfigurationValue"), key, reason);

    /// <summary>The continuation token is not valid for this query: it was changed, or it was issued for another query (another table, index, condition or value). Start again without a token.</summary>
    public static string InvalidContinuationToken => GetString("InvalidContinuationToken");

    /// <summary>'{0}' is not one of {1}.</summary>
    public static string InvalidEnumValue(object? value, object? names)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidEnumValue"), value, names);

    /// <summary>The index name '{1}' of the entity type '{0}' is not valid in DynamoDB: names have 3 to 255 characters from a-z, A-Z, 0-9, '_', '-' and '.'. Choose another name.</summary>
    public static string InvalidIndexName(object? entityType, object? index)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidIndexName"), entityType, index);

    /// <summary>The expression '{0}' is not a property access such as 'x =&gt; x.Id'.</summary>
    public static string InvalidPropertyExpression(object? expression)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidPropertyExpression"), expression);

    /// <summary>{0} needs a constant or a variable as its argument, not '{1}'.</summary>
    public static string InvalidQueryArgument(object? operatorName, object? argument)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidQueryArgument"), operatorName, argument);

    /// <summary>'{0}' is not an AWS region name such as 'eu-west-1'.</summary>
    public static string InvalidRegion(object? region)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidRegion"), region);

    /// <summary>'{0}' is not a positive time span such as '00:00:10'.</summary>
    public static string InvalidRequestTimeout(object? value)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidRequestTimeout"), value);

    /// <summary>'{0}' is not a whole number of retries, 0 or more.</summary>
    public static string InvalidRetryCount(object? value)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidRetryCount"), value);

    /// <summary>'{0}' is not a non-negative time span such as '00:00:30'.</summary>
    public static string InvalidRetryDelay(object? value)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidRetryDelay"), value);

    /// <summary>'{0}' is not an absolute http or https URL such as 'http://localhost:8000'.</summary>
    public static string InvalidServiceUrl(object? serviceUrl)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidServiceUrl"), serviceUrl);

    /// <summary>A stored string of {0} characters cannot be read as a '{1}'.</summary>
    public static string InvalidStoredValue(object? length, object? clrType)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidStoredValue"), length, clrType);

    /// <summary>The table name '{1}' of the entity type '{0}' is not valid in DynamoDB: names have 3 to 255 characters from a-z, A-Z, 0-9, '_', '-' and '.'. Set another with ToDynamoTable.</summary>
    public static string InvalidTableName(object? entityType, object? tableName)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidTableName"), entityType, tableName);

    /// <summary>The table name prefix '{0}' is not valid in DynamoDB: use only a-z, A-Z, 0-9, '_', '-' and '.'.</summary>
    public static string InvalidTableNamePrefix(object? prefix)
        => string.Format(CultureInfo.CurrentCulture, GetString("InvalidTableNamePrefix"), prefix);

    /// <summary>The '{0}' entity makes an item of {1} bytes, over DynamoDB's limit of {2} bytes. Store large values elsewhere (for example in S3) and keep a reference.</summary>
    public static string ItemTooLarge(object? entityType, object? size, object? maxSize)
        => string.Format(CultureInfo.CurrentCulture, GetString("ItemTooLarge"), entityType, size, maxSize);

    /// <summary>The key property '{0}.{1}' is of type '{2}', which is not stored as a string, number or binary attribute; DynamoDB keys must be one of those. Use another type or a value converter to one.</summary>
    public static string KeyPropertyTypeNotSupported(object? entityType, object? property, object? clrType)
        => string.Format(CultureInfo.CurrentCulture, GetString("KeyPropertyTypeNotSupported"), entityType, property, clrType);

    /// <summary>The entity type '{0}' has a key of more than two properties ({1}). A DynamoDB key is a partition key and at most one sort key; configure them with HasPartitionKey and HasSortKey.</summary>
    public static string KeyTooManyProperties(object? entityType, object? properties)
        => string.Format(CultureInfo.CurrentCulture, GetString("KeyTooManyProperties"), entityType, properties);

    /// <summary>The key property '{0}.{1}' has no value: DynamoDB keys may be neither null nor empty.</summary>
    public static string KeyValueMissing(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("KeyValueMissing"), entityType, property);

    /// <summary>The entity type '{0}' has no key. Every DynamoDB item needs a partition key: configure one with HasPartitionKey (and HasSortKey) or HasKey.</summary>
    public static string KeylessEntityType(object? entityType)
        => string.Format(CultureInfo.CurrentCulture, GetString("KeylessEntityType"), entityType);

    /// <summary>Last and LastOrDefault on '{0}' need an OrderBy on the sort key, so that DynamoDB can read from the other end.</summary>
    public static string LastWithoutOrdering(object? entityType)
        => string.Format(CultureInfo.CurrentCulture, GetString("LastWithoutOrdering"), entityType);

    /// <summary>The local secondary index '{1}' of the entity type '{0}' has the table's key property '{2}' as its sort key; the table is already ordered by it. Use another property as the index's sort key, or remove the index.</summary>
    public static string LocalIndexOnTableKey(object? entityType, object? index, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("LocalIndexOnTableKey"), entityType, index, property);

    /// <summary>The local secondary index '{1}' of the entity type '{0}' cannot have a throughput of its own: local indexes use the table's. Set it on the entity type with HasProvisionedThroughput.</summary>
    public static string LocalIndexThroughput(object? entityType, object? index)
        => string.Format(CultureInfo.CurrentCulture, GetString("LocalIndexThroughput"), entityType, index);

    /// <summary>The entity type '{0}' has the local secondary index '{1}', but its table has no sort key, which local indexes need. Configure one with HasSortKey, or make the index global with HasGlobalSecondaryIndex.</summary>
    public static string LocalIndexWithoutSortKey(object? entityType, object? index)
        => string.Format(CultureInfo.CurrentCulture, GetString("LocalIndexWithoutSortKey"), entityType, index);

    /// <summary>The value of '{0}.{1}' has length {2}, over its maximum length of {3}.</summary>
    public static string MaxLengthExceeded(object? entityType, object? property, object? length, object? maxLength)
        => string.Format(CultureInfo.CurrentCulture, GetString("MaxLengthExceeded"), entityType, property, length, maxLength);

    /// <summary>DynamoDB has no migrations: the provider '{0}' keeps no migration history, and tables have no schema besides their keys and indexes. Create the tables with context.Database.EnsureCreated() and apply key, index, throughput and TTL changes with context.Database.UpdateDynamoSchema() (UpdateDynamoSchema(dryRun: true) lists them first).</summary>
    public static string MigrationsNotSupported(object? provider)
        => string.Format(CultureInfo.CurrentCulture, GetString("MigrationsNotSupported"), provider);

    /// <summary>The navigation '{0}' cannot be followed in a query: DynamoDB has no joins, and the provider does not yet read related entities. Query '{1}' separately by its key, or model the related data as an owned or complex type stored inside the item.</summary>
    public static string NavigationNotSupported(object? navigation, object? targetType)
        => string.Format(CultureInfo.CurrentCulture, GetString("NavigationNotSupported"), navigation, targetType);

    /// <summary>The property '{0}.{1}' is compared with null by an operator that needs a value; only == null and != null test for a missing attribute.</summary>
    public static string NullComparison(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("NullComparison"), entityType, property);

    /// <summary>A null value (an absent attribute, or a member of one) was read for the projection '{0}', whose type '{1}' cannot hold null. Cast it to a nullable type, such as '{1}?', to receive null.</summary>
    public static string NullInNonNullableProjection(object? expression, object? type)
        => string.Format(CultureInfo.CurrentCulture, GetString("NullInNonNullableProjection"), expression, type);

    /// <summary>A set cannot contain null: DynamoDB sets hold only strings, numbers or binary values. Remove the null element.</summary>
    public static string NullSetElement => GetString("NullSetElement");

    /// <summary>The number {0} cannot be stored in DynamoDB, which accepts finite numbers with magnitudes from 1E-130 to below 1E+126.</summary>
    public static string NumberOutOfRange(object? value)
        => string.Format(CultureInfo.CurrentCulture, GetString("NumberOutOfRange"), value);

    /// <summary>DynamoDB cannot answer '{0}' here: a query reads one table through its key, an index or a scan, and filters the items it reads. Rewrite the query, or switch to client evaluation with AsEnumerable() after the part DynamoDB can answer.</summary>
    public static string OperatorNotSupported(object? operatorName)
        => string.Format(CultureInfo.CurrentCulture, GetString("OperatorNotSupported"), operatorName);

    /// <summary> Indexes sorted by it: {0}.</summary>
    public static string OrderingIndexHint(object? indexes)
        => string.Format(CultureInfo.CurrentCulture, GetString("OrderingIndexHint"), indexes);

    /// <summary>The query orders '{0}' by '{1}', but DynamoDB returns items only in the order of a sort key ('{2}' for the table), and only from a Query, which needs an equality on the partition key ('{3}'). Order by the sort key after filtering on the partition key, or sort on the client after AsEnumerable().</summary>
    public static string OrderingNotSupported(object? entityType, object? property, object? sortKey, object? partitionKey)
        => string.Format(CultureInfo.CurrentCulture, GetString("OrderingNotSupported"), entityType, property, sortKey, partitionKey);

    /// <summary>The property '{0}.{3}' of the owned entity type '{0}' (the navigation '{1}.{2}') is a concurrency token, but owned entities are written as part of their owner's item, whose condition only checks the owner's properties. Make a property of '{1}' the concurrency token instead.</summary>
    public static string OwnedTypeConcurrencyToken(object? ownedType, object? ownerType, object? navigation, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("OwnedTypeConcurrencyToken"), ownedType, ownerType, navigation, property);

    /// <summary>The owned entity type '{0}' (the navigation '{1}.{2}') is mapped to the table '{3}', but owned types are stored inside their owner's item. Remove the table mapping, or make '{0}' an entity type of its own.</summary>
    public static string OwnedTypeWithTable(object? ownedType, object? ownerType, object? navigation, object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("OwnedTypeWithTable"), ownedType, ownerType, navigation, table);

    /// <summary>DynamoDB cannot answer 'ExecuteUpdate or ExecuteDelete after Take, Skip or Select' here: a query reads one table through its key, an index or a scan, and filters the items it reads. Rewrite the query, or switch to client evaluation with AsEnumerable() after the part DynamoDB can answer.</summary>
    public static string ExecuteAfterLimitOrProjection => GetString("ExecuteAfterLimitOrProjection");

    /// <summary>ToPageAsync cannot be combined with Take, Skip or WithParallelScan.</summary>
    public static string PagingNotSupported => GetString("PagingNotSupported");

    /// <summary>The condition '{0}' cannot be sent to DynamoDB. Compare a mapped property with a constant or a variable, combine comparisons with &amp;&amp;, || and !, or filter on the client after AsEnumerable().</summary>
    public static string PredicateNotTranslatable(object? expression)
        => string.Format(CultureInfo.CurrentCulture, GetString("PredicateNotTranslatable"), expression);

    /// <summary>EF.Property names its property with '{0}', which is known only when the query runs, but the attributes DynamoDB returns are chosen when it is compiled. Name the property with a constant or a captured variable.</summary>
    public static string PropertyNameNotConstant(object? name)
        => string.Format(CultureInfo.CurrentCulture, GetString("PropertyNameNotConstant"), name);

    /// <summary>The value of '{0}.{1}' cannot be stored: {2}</summary>
    public static string PropertyValueNotStorable(object? entityType, object? property, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("PropertyValueNotStorable"), entityType, property, reason);

    /// <summary>DynamoDB refused the {0} request on table '{1}': {2}</summary>
    public static string ReadFailed(object? operation, object? table, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("ReadFailed"), operation, table, reason);

    /// <summary>DynamoDB at '{0}' did not answer the {1} request in time (RequestTimeout). The request may have been applied; a retrying execution strategy sends it again. Raise RequestTimeout if requests this slow are expected.</summary>
    public static string RequestTimedOut(object? endpoint, object? operation)
        => string.Format(CultureInfo.CurrentCulture, GetString("RequestTimedOut"), endpoint, operation);

    /// <summary>The required property '{0}.{1}' has no value.</summary>
    public static string RequiredValueMissing(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("RequiredValueMissing"), entityType, property);

    /// <summary>The '{0}' item in table '{1}' does not meet a SaveOnlyIf condition of this save, or no longer exists, so nothing was written for it.</summary>
    public static string SaveConditionFailed(object? entityType, object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("SaveConditionFailed"), entityType, table);

    /// <summary>The save condition '{1}' on '{0}' cannot be sent to DynamoDB. {2}</summary>
    public static string SaveConditionNotTranslatable(object? entityType, object? condition, object? details)
        => string.Format(CultureInfo.CurrentCulture, GetString("SaveConditionNotTranslatable"), entityType, condition, details);

    /// <summary>SaveChanges wrote {0} of its {1} entries in the transactions that committed before one failed; they are accepted (Unchanged). The other {2} entries were not written and keep their states: {3}. Call SaveChanges again to write them once the cause is fixed. {4}</summary>
    public static string SavePartiallyWritten(object? written, object? total, object? notWritten, object? entityTypes, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("SavePartiallyWritten"), written, total, notWritten, entityTypes, reason);

    /// <summary>The query for '{0}' has no equality on the partition key '{2}', so it would scan the whole table '{1}', and the ScanBehavior option is Throw. Add the partition key condition, or call AllowScan() on this query.</summary>
    public static string ScanNotAllowed(object? entityType, object? table, object? partitionKey)
        => string.Format(CultureInfo.CurrentCulture, GetString("ScanNotAllowed"), entityType, table, partitionKey);

    /// <summary>Add the global secondary index '{0}' with the key {1} and the projection {2}.</summary>
    public static string SchemaChangeAddGlobalIndex(object? index, object? keySchema, object? projection)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaChangeAddGlobalIndex"), index, keySchema, projection);

    /// <summary>Change the billing mode from {0} to {1}.</summary>
    public static string SchemaChangeBillingMode(object? from, object? to)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaChangeBillingMode"), from, to);

    /// <summary>Create the table with the key {0}, {1} local and {2} global secondary indexes.</summary>
    public static string SchemaChangeCreateTable(object? keySchema, object? localIndexes, object? globalIndexes)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaChangeCreateTable"), keySchema, localIndexes, globalIndexes);

    /// <summary>Change the provisioned throughput of the global secondary index '{0}' from {1} to {2}.</summary>
    public static string SchemaChangeIndexThroughput(object? index, object? from, object? to)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaChangeIndexThroughput"), index, from, to);

    /// <summary>Change the provisioned throughput of the table from {0} to {1}.</summary>
    public static string SchemaChangeTableThroughput(object? from, object? to)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaChangeTableThroughput"), from, to);

    /// <summary>Enable time to live on the attribute '{0}'.</summary>
    public static string SchemaChangeTimeToLive(object? attribute)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaChangeTimeToLive"), attribute);

    /// <summary>The table '{0}' exists with the key {2}, but the model expects {1}. DynamoDB cannot change the key of a table: delete the table (EnsureDeleted) and create it again, or change the model to match.</summary>
    public static string SchemaKeyMismatch(object? table, object? expected, object? actual)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaKeyMismatch"), table, expected, actual);

    /// <summary>The global secondary index '{1}' of the table '{0}' exists with the key {3}, but the model expects {2}. DynamoDB cannot change the key of an index: delete the index from the table and call UpdateDynamoSchema() again to create it, or change the model to match.</summary>
    public static string SchemaIndexKeyMismatch(object? table, object? index, object? expected, object? actual)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaIndexKeyMismatch"), table, index, expected, actual);

    /// <summary>the global secondary index '{0}' keyed on {1} (the table's index of that name is keyed on {2}, and DynamoDB cannot change an index's key: delete the index from the table, then UpdateDynamoSchema() creates it)</summary>
    public static string SchemaMismatchedGlobalIndex(object? index, object? expected, object? actual)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaMismatchedGlobalIndex"), index, expected, actual);

    /// <summary>the global secondary index '{0}'</summary>
    public static string SchemaMissingGlobalIndex(object? index)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaMissingGlobalIndex"), index);

    /// <summary>the local secondary index '{0}' (a local index can only be created with its table: delete the table and create it again)</summary>
    public static string SchemaMissingLocalIndex(object? index)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaMissingLocalIndex"), index);

    /// <summary>time to live on '{0}'</summary>
    public static string SchemaMissingTimeToLive(object? attribute)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaMissingTimeToLive"), attribute);

    /// <summary>{0} read and {1} write capacity units</summary>
    public static string SchemaThroughput(object? readCapacityUnits, object? writeCapacityUnits)
        => string.Format(CultureInfo.CurrentCulture, GetString("SchemaThroughput"), readCapacityUnits, writeCapacityUnits);

    /// <summary>Elements were both added to and removed from the set '{0}.{1}' in one save; DynamoDB cannot do both to one attribute in one request. Save between them.</summary>
    public static string SetAddAndRemove(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("SetAddAndRemove"), entityType, property);

    /// <summary>The set '{0}.{1}' does not hold '{2}', so it cannot be removed.</summary>
    public static string SetElementMissing(object? entityType, object? property, object? element)
        => string.Format(CultureInfo.CurrentCulture, GetString("SetElementMissing"), entityType, property, element);

    /// <summary>ExecuteUpdate cannot set '{0}' to '{1}' in DynamoDB: set a property that is not part of the key to a constant, a variable, another property, or a property plus or minus a value.</summary>
    public static string SetterNotTranslatable(object? property, object? value)
        => string.Format(CultureInfo.CurrentCulture, GetString("SetterNotTranslatable"), property, value);

    /// <summary>The entity types '{0}' and '{1}' share the table '{2}' but not its key schema: their partition and sort keys must have the same attribute names and types.</summary>
    public static string SharedTableKeyMismatch(object? entityType, object? otherEntityType, object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("SharedTableKeyMismatch"), entityType, otherEntityType, table);

    /// <summary>The condition '{0}' cannot be sent to DynamoDB, which has no equivalent of {1} for strings: it compares strings by their UTF-8 bytes (ordinal and case-sensitive), and its only string functions are begins_with (StartsWith), contains (Contains) and size (Length). Store a normalized copy of the value (lower-cased, reversed…) and filter on it, or filter on the client after AsEnumerable().</summary>
    public static string StringOperationNotSupported(object? expression, object? operation)
        => string.Format(CultureInfo.CurrentCulture, GetString("StringOperationNotSupported"), expression, operation);

    /// <summary>DynamoDB queries read a single table; subqueries are not supported.</summary>
    public static string SubqueriesNotSupported => GetString("SubqueriesNotSupported");

    /// <summary>'{0}' reads another query or a collection navigation, and DynamoDB answers a query from one table, with no subqueries or joins. Run it as a separate query, or evaluate it on the client after AsEnumerable().</summary>
    public static string SubqueryNotSupported(object? expression)
        => string.Format(CultureInfo.CurrentCulture, GetString("SubqueryNotSupported"), expression);

    /// <summary>DynamoDB has no table '{0}'. Create the model's tables with Database.EnsureCreated() or Database.UpdateDynamoSchema(), or check the table prefix and the endpoint the context connects to.</summary>
    public static string TableMissing(object? table)
        => string.Format(CultureInfo.CurrentCulture, GetString("TableMissing"), table);

    /// <summary>The table '{0}' did not reach the expected state within {1}.</summary>
    public static string TableWaitTimeout(object? table, object? timeout)
        => string.Format(CultureInfo.CurrentCulture, GetString("TableWaitTimeout"), table, timeout);

    /// <summary>The time-to-live property '{1}' is not a mapped property of the entity type '{0}'. Name a property of the entity type.</summary>
    public static string TimeToLivePropertyNotMapped(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("TimeToLivePropertyNotMapped"), entityType, property);

    /// <summary>The property '{0}.{1}' of type '{2}' cannot hold the time to live, which DynamoDB reads as whole seconds since the Unix epoch. Use a DateTime, DateTimeOffset or long property.</summary>
    public static string TimeToLivePropertyTypeNotSupported(object? entityType, object? property, object? clrType)
        => string.Format(CultureInfo.CurrentCulture, GetString("TimeToLivePropertyTypeNotSupported"), entityType, property, clrType);

    /// <summary>The table '{1}' of the entity type '{0}' has {2} global secondary indexes; DynamoDB allows at most 20. Remove some of them.</summary>
    public static string TooManyGlobalIndexes(object? entityType, object? table, object? count)
        => string.Format(CultureInfo.CurrentCulture, GetString("TooManyGlobalIndexes"), entityType, table, count);

    /// <summary>The table '{1}' of the entity type '{0}' has {2} local secondary indexes; DynamoDB allows at most 5. Remove some of them, or make some global.</summary>
    public static string TooManyLocalIndexes(object? entityType, object? table, object? count)
        => string.Format(CultureInfo.CurrentCulture, GetString("TooManyLocalIndexes"), entityType, table, count);

    /// <summary>This SaveChanges writes {0} items ({1} bytes), more than one DynamoDB transaction holds ({2} items, {3} bytes), so nothing was sent (AutoTransactionBehavior.Always). Save in smaller groups; or let the save be split into consecutive transactions with AutoTransactionBehavior.WhenNeeded, the default; or opt out of atomicity with AutoTransactionBehavior.Never (writes are then batched; conditions still apply).</summary>
    public static string TransactionTooLarge(object? count, object? size, object? maxCount, object? maxSize)
        => string.Format(CultureInfo.CurrentCulture, GetString("TransactionTooLarge"), count, size, maxCount, maxSize);

    /// <summary>Expected a DynamoDB attribute of type {0} but found {1}.</summary>
    public static string UnexpectedAttributeType(object? expected, object? actual)
        => string.Format(CultureInfo.CurrentCulture, GetString("UnexpectedAttributeType"), expected, actual);

    /// <summary>Cannot save the '{0}' entity in the state '{1}'.</summary>
    public static string UnexpectedEntityState(object? entityType, object? state)
        => string.Format(CultureInfo.CurrentCulture, GetString("UnexpectedEntityState"), entityType, state);

    /// <summary>DynamoDB left {0} items of a batch write unprocessed after {1} attempts (the table is throttled); the other items were written. Retry SaveChanges later, or raise the table's write capacity.</summary>
    public static string UnprocessedItemsRemain(object? count, object? attempts)
        => string.Format(CultureInfo.CurrentCulture, GetString("UnprocessedItemsRemain"), count, attempts);

    /// <summary>DynamoDB left {1} keys of table '{0}' unprocessed after {2} attempts (the table is throttled). Retry later, or raise the table's read capacity.</summary>
    public static string UnprocessedKeysRemain(object? table, object? count, object? attempts)
        => string.Format(CultureInfo.CurrentCulture, GetString("UnprocessedKeysRemain"), table, count, attempts);

    /// <summary>The value written to the attribute '{0}' is null. DynamoDB stores no null: write it with REMOVE instead.</summary>
    public static string UpdateValueMissing(object? attribute)
        => string.Format(CultureInfo.CurrentCulture, GetString("UpdateValueMissing"), attribute);

    /// <summary>Saving the '{0}' entity to table '{1}' failed: {2}</summary>
    public static string WriteFailed(object? entityType, object? table, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("WriteFailed"), entityType, table, reason);

    /// <summary>The constant sort key '{1}' of the entity type '{0}' is null or empty, and DynamoDB refuses an empty key value. Give a non-empty string, a number or a non-empty byte array.</summary>
    public static string ConstantSortKeyEmpty(object? entityType, object? attribute)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConstantSortKeyEmpty"), entityType, attribute);

    /// <summary>The entity type '{0}' has the constant sort key '{1}' and a primary key of two properties ({2}), but a table has one sort key. Make the EF primary key the partition key alone (HasPartitionKey), or remove HasConstantSortKey and keep HasSortKey.</summary>
    public static string ConstantSortKeyWithSortKey(object? entityType, object? attribute, object? keyProperties)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConstantSortKeyWithSortKey"), entityType, attribute, keyProperties);

    /// <summary>The entity type '{0}' has a constant sort key, but it is stored in the table of its base type '{1}', whose key addresses every item of the hierarchy. Configure HasConstantSortKey on '{1}'.</summary>
    public static string ConstantSortKeyOnDerivedType(object? entityType, object? rootType)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConstantSortKeyOnDerivedType"), entityType, rootType);

    /// <summary>The entity type '{0}' has a constant sort key, but '{2}', which shares the table '{1}', has no sort key, and a table has one key schema. Give '{2}' a sort key on the same attribute (HasSortKey, or HasConstantSortKey), or store '{0}' in another table.</summary>
    public static string ConstantSortKeyTableWithoutSortKey(object? entityType, object? table, object? otherEntityType)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConstantSortKeyTableWithoutSortKey"), entityType, table, otherEntityType);

    /// <summary>The constant sort key of the entity type '{0}' is stored in the attribute '{1}' as {2}, but '{4}', which shares the table '{3}', keys its items on the attribute '{5}' as {6}. Give the constant the attribute name and the type of the table's sort key.</summary>
    public static string ConstantSortKeyTypeMismatch(object? entityType, object? attribute, object? type, object? table, object? otherEntityType, object? otherAttribute, object? otherType)
        => string.Format(CultureInfo.CurrentCulture, GetString("ConstantSortKeyTypeMismatch"), entityType, attribute, type, table, otherEntityType, otherAttribute, otherType);

    /// <summary>The composite '{0}.{1}' has both HasPrefix and HasMerge, but a prefix starts joined components and a merge computes the whole value. Write the prefix in the merge, or join the components without HasMerge.</summary>
    public static string CompositePrefixWithMerge(object? entityType, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("CompositePrefixWithMerge"), entityType, property);

    // Relationships refused when the model is built.

    /// <summary>The navigation '{0}.{1}' is a many-to-many relationship with '{2}', which the DynamoDB provider does not map: DynamoDB has no joins, so reading either side through the hidden join entity type could not be served by one key. Map the join as an entity type of its own with a one-to-many relationship to each side, keyed on one side's id so that one Query on its partition key reads that side's links, and load each side explicitly.</summary>
    public static string ManyToManyNotSupported(object? entityType, object? navigation, object? targetType)
        => string.Format(CultureInfo.CurrentCulture, GetString("ManyToManyNotSupported"), entityType, navigation, targetType);

    /// <summary>The owned entity type '{0}' (the navigation '{1}.{2}') has the relationship '{3}' with the entity type '{4}', but owned types are stored inside their owner's item, where no key reaches them. Move the relationship to the owner '{1}', or make '{0}' an entity type of its own.</summary>
    public static string OwnedTypeRelationship(object? ownedType, object? ownerType, object? navigation, object? relationship, object? entityType)
        => string.Format(CultureInfo.CurrentCulture, GetString("OwnedTypeRelationship"), ownedType, ownerType, navigation, relationship, entityType);

    /// <summary>The relationship from '{0}' to '{1}' sets its foreign key to null when the '{1}' is deleted (DeleteBehavior.{2}), but '{0}.{3}' is part of the key of '{0}', which DynamoDB cannot change. Use DeleteBehavior.Cascade to delete the tracked '{0}' entities with it, or DeleteBehavior.ClientNoAction to leave them.</summary>
    public static string KeyForeignKeySetNull(object? dependentType, object? principalType, object? deleteBehavior, object? property)
        => string.Format(CultureInfo.CurrentCulture, GetString("KeyForeignKeySetNull"), dependentType, principalType, deleteBehavior, property);

    /// <summary>Include of the navigation '{0}' reads the '{1}' entities of each principal with a DynamoDB Query by the foreign key {2}, but the table '{3}' of '{1}' is keyed by '{4}' and none of its global secondary indexes has a partition key the foreign key holds, so only a Scan could find them. Make {2} the partition key of '{1}', or add a global secondary index on it (HasGlobalSecondaryIndex).</summary>
    public static string IncludeCollectionNotKeyed(object? navigation, object? dependentType, object? foreignKey, object? table, object? partitionKey)
        => string.Format(CultureInfo.CurrentCulture, GetString("IncludeCollectionNotKeyed"), navigation, dependentType, foreignKey, table, partitionKey);

    /// <summary>The Include of '{0}' would read the dependents of {1} principals with one DynamoDB Query each, more than {2}, and the ScanBehavior option is Throw. Read fewer principals (a key, Take, ToPageAsync), keep the principal and its dependents in one partition, or set ScanBehavior to Warn or Allow.</summary>
    public static string IncludeQueriesNotAllowed(object? navigation, object? principals, object? maximum)
        => string.Format(CultureInfo.CurrentCulture, GetString("IncludeQueriesNotAllowed"), navigation, principals, maximum);

    // FromPartiQL and ExecutePartiQL.

    /// <summary>Hole {0} of the PartiQL statement "{1}" is inside quotes. Every hole is sent as a parameter, never as text: write it without quotes (WHERE PK = {{id}}, not '{{id}}').</summary>
    public static string PartiQLHoleInQuotes(object? hole, object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLHoleInQuotes"), hole, statement);

    /// <summary>Hole {0} of the PartiQL statement "{1}" has a format or an alignment. A hole is sent as a parameter, never formatted as text: remove the format, or format the value before the statement.</summary>
    public static string PartiQLHoleFormatted(object? hole, object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLHoleFormatted"), hole, statement);

    /// <summary>Hole {0} of the PartiQL statement "{1}" holds a query. Only a DbSet names a table (FROM {{db.Orders}}), and a query is no value: put the DbSet itself, or a value, in the hole.</summary>
    public static string PartiQLHoleQuery(object? hole, object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLHoleQuery"), hole, statement);

    /// <summary>Hole {0} of the PartiQL statement "{2}" holds a value of type '{1}', which the provider cannot send as a parameter. Pass a string, number, bool, byte[], date, Guid, enum, set, list or map, or an AttributeValue.</summary>
    public static string PartiQLValueNotSupported(object? hole, object? type, object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLValueNotSupported"), hole, type, statement);

    /// <summary>Hole {0} of the PartiQL statement "{1}" holds a value DynamoDB cannot store: {2}</summary>
    public static string PartiQLValueNotStorable(object? hole, object? statement, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLValueNotStorable"), hole, statement, reason);

    /// <summary>FromPartiQL reads items with a SELECT, but the statement "{0}" is not one. Send statements that write with Database.ExecutePartiQL.</summary>
    public static string PartiQLNotSelect(object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLNotSelect"), statement);

    /// <summary>ExecutePartiQL sends statements that write (INSERT, UPDATE, DELETE), but "{0}" is a SELECT. Read items with FromPartiQL on the entity type's DbSet.</summary>
    public static string PartiQLSelectExecuted(object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLSelectExecuted"), statement);

    /// <summary>A Where can be added only to a plain PartiQL SELECT ... FROM ... [WHERE ...], and "{0}" is not one (it orders its results, or is not a SELECT). Write the condition in the statement instead.</summary>
    public static string PartiQLNotComposable(object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLNotComposable"), statement);

    /// <summary>A Where added to the PartiQL statement "{0}" may compare top-level attributes only; a property inside a complex type or collection is not written as PartiQL. Write that condition in the statement instead.</summary>
    public static string PartiQLNestedCondition(object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLNestedCondition"), statement);

    /// <summary>A query from the PartiQL statement "{0}" cannot be ordered with OrderBy: DynamoDB orders a statement only by the sort key of the partition its WHERE fixes. Write ORDER BY in the statement instead.</summary>
    public static string PartiQLOrderingNotSupported(object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLOrderingNotSupported"), statement);

    /// <summary>{0} does not apply to a query from the PartiQL statement "{1}": the statement says where and how much it reads. Name an index in the statement (FROM "table"."index"), or use Take.</summary>
    public static string PartiQLOperatorNotSupported(object? queryOperator, object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLOperatorNotSupported"), queryOperator, statement);

    /// <summary>ExecuteUpdate and ExecuteDelete do not apply to a query from the PartiQL statement "{0}". Write the change as a PartiQL UPDATE or DELETE and send it with Database.ExecutePartiQL, or use a LINQ query.</summary>
    public static string PartiQLExecuteNotSupported(object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLExecuteNotSupported"), statement);

    /// <summary>The PartiQL statement "{0}" wrote nothing: its condition failed (an INSERT of a key that exists, or an UPDATE of an item that does not, or a condition of its WHERE).</summary>
    public static string PartiQLConditionFailed(object? statement)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLConditionFailed"), statement);

    /// <summary>DynamoDB refused the PartiQL statement "{0}": {1}</summary>
    public static string PartiQLStatementFailed(object? statement, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLStatementFailed"), statement, reason);

    /// <summary>The PartiQL statement "{0}" failed in a way that does not tell whether DynamoDB applied it ({1}), and it is not sent again, since a statement may not be idempotent. Read the item to see whether it was written.</summary>
    public static string PartiQLOutcomeUnknown(object? statement, object? reason)
        => string.Format(CultureInfo.CurrentCulture, GetString("PartiQLOutcomeUnknown"), statement, reason);

    internal static string GetString(string name) => ResourceManager.GetString(name, CultureInfo.CurrentCulture)!;
}
