using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Compares a table as the model defines it with the table DynamoDB has, and plans the changes that bring the
///     table in line (Flywheel's <c>update_schema</c>): create it when missing; switch billing and change provisioned
///     throughput; add missing global indexes, one request each because DynamoDB adds one at a time; enable time to
///     live. Indexes only the table has are left alone; a different key, of the table or of a global index, is an error, as
///     no request can change it.
/// </summary>
public static class DynamoSchemaPlanner
{
    /// <summary>
    ///     The steps that bring <paramref name="table" /> (<see langword="null" /> when it does not exist) and its time
    ///     to live in line with <paramref name="schema" />, in the order they must be sent; none when they already
    ///     match.
    /// </summary>
    public static IReadOnlyList<DynamoSchemaStep> Plan(DynamoTableSchema schema, TableDescription? table, TimeToLiveDescription? timeToLive)
    {
        if (table == null)
        {
            return
            [
                Step(
                    schema,
                    null,
                    DynamoSchemaChangeKind.CreateTable,
                    DynamoStrings.SchemaChangeCreateTable(schema.DescribeKeySchema(), schema.LocalIndexes.Count, schema.GlobalIndexes.Count),
                    schema.ToCreateTableRequest())
            ];
        }

        schema.EnsureKeySchemaMatches(table);
        schema.EnsureGlobalIndexKeysMatch(table);
        var steps = new List<DynamoSchemaStep>();
        PlanThroughput(schema, table, steps);
        PlanMissingIndexes(schema, table, steps);
        PlanTimeToLive(schema, timeToLive, steps);
        return steps;
    }

    private static void PlanThroughput(DynamoTableSchema schema, TableDescription table, List<DynamoSchemaStep> steps)
    {
        var actual = GetTableThroughput(table);
        var desired = schema.Throughput;
        var existingIndexes = table.GlobalSecondaryIndexes ?? [];
        if (actual.HasValue != desired.HasValue)
        {
            var request = new UpdateTableRequest
            {
                TableName = schema.TableName,
                BillingMode = desired == null ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
                ProvisionedThroughput = DynamoTableSchema.ToProvisionedThroughput(desired)
            };

            // A table that becomes provisioned needs a throughput for every global index it has.
            if (desired != null && existingIndexes.Count > 0)
            {
                request.GlobalSecondaryIndexUpdates = existingIndexes
                    .Select(i => UpdateIndexThroughput(i.IndexName, FindIndex(schema, i.IndexName) is { } index ? schema.GetThroughput(index) : desired))
                    .ToList();
            }

            steps.Add(
                Step(
                    schema,
                    null,
                    DynamoSchemaChangeKind.ChangeBillingMode,
                    DynamoStrings.SchemaChangeBillingMode(DescribeBilling(actual), DescribeBilling(desired)),
                    request));
            return;
        }

        if (desired == null)
        {
            return;
        }

        if (actual != desired)
        {
            steps.Add(
                Step(
                    schema,
                    null,
                    DynamoSchemaChangeKind.ChangeThroughput,
                    DynamoStrings.SchemaChangeTableThroughput(Describe(actual!.Value), Describe(desired.Value)),
                    new UpdateTableRequest { TableName = schema.TableName, ProvisionedThroughput = DynamoTableSchema.ToProvisionedThroughput(desired) }));
        }

        foreach (var existing in existingIndexes)
        {
            var current = ToThroughput(existing.ProvisionedThroughput);
            if (FindIndex(schema, existing.IndexName) is { } index
                && schema.GetThroughput(index) is { } wanted
                && current != wanted)
            {
                steps.Add(
                    Step(
                        schema,
                        index.Name,
                        DynamoSchemaChangeKind.ChangeThroughput,
                        DynamoStrings.SchemaChangeIndexThroughput(index.Name, current is { } c ? Describe(c) : "?", Describe(wanted)),
                        new UpdateTableRequest { TableName = schema.TableName, GlobalSecondaryIndexUpdates = [UpdateIndexThroughput(index.Name!, wanted)] }));
            }
        }
    }

    private static void PlanMissingIndexes(DynamoTableSchema schema, TableDescription table, List<DynamoSchemaStep> steps)
    {
        foreach (var index in schema.MissingGlobalIndexes(table))
        {
            steps.Add(
                Step(
                    schema,
                    index.Name,
                    DynamoSchemaChangeKind.AddGlobalSecondaryIndex,
                    DynamoStrings.SchemaChangeAddGlobalIndex(index.Name, schema.DescribeKeySchema(index), DynamoTableSchema.DescribeProjection(index)),
                    new UpdateTableRequest
                    {
                        TableName = schema.TableName,
                        AttributeDefinitions = schema.GetAttributeDefinitions([index]),
                        GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = schema.ToCreateIndexAction(index) }]
                    }));
        }
    }

    private static void PlanTimeToLive(DynamoTableSchema schema, TimeToLiveDescription? timeToLive, List<DynamoSchemaStep> steps)
    {
        if (schema.LacksTimeToLive(timeToLive) && schema.ToTimeToLiveRequest() is { } request)
        {
            steps.Add(
                Step(
                    schema,
                    null,
                    DynamoSchemaChangeKind.EnableTimeToLive,
                    DynamoStrings.SchemaChangeTimeToLive(schema.TimeToLiveAttribute),
                    request));
        }
    }

    // An on-demand table reports zero capacity (and, on some servers, no billing summary).
    private static DynamoThroughput? GetTableThroughput(TableDescription table)
        => table.BillingModeSummary?.BillingMode == BillingMode.PAY_PER_REQUEST ? null : ToThroughput(table.ProvisionedThroughput);

    private static DynamoThroughput? ToThroughput(ProvisionedThroughputDescription? throughput)
        => throughput is { ReadCapacityUnits: > 0, WriteCapacityUnits: > 0 }
            ? new DynamoThroughput(throughput.ReadCapacityUnits.Value, throughput.WriteCapacityUnits.Value)
            : null;

    private static IIndex? FindIndex(DynamoTableSchema schema, string name)
        => schema.GlobalIndexes.FirstOrDefault(i => i.Name == name);

    private static GlobalSecondaryIndexUpdate UpdateIndexThroughput(string indexName, DynamoThroughput? throughput)
        => new()
        {
            Update = new UpdateGlobalSecondaryIndexAction
            {
                IndexName = indexName,
                ProvisionedThroughput = DynamoTableSchema.ToProvisionedThroughput(throughput)
            }
        };

    private static string DescribeBilling(DynamoThroughput? throughput)
        => throughput is { } t ? $"{BillingMode.PROVISIONED.Value} ({Describe(t)})" : BillingMode.PAY_PER_REQUEST.Value;

    private static string Describe(DynamoThroughput throughput)
        => DynamoStrings.SchemaThroughput(throughput.ReadCapacityUnits, throughput.WriteCapacityUnits);

    private static DynamoSchemaStep Step(
        DynamoTableSchema schema,
        string? index,
        DynamoSchemaChangeKind kind,
        string description,
        Amazon.Runtime.AmazonWebServiceRequest request)
        => new(schema, new DynamoSchemaChange(schema.TableName, index, kind, description), request);
}
