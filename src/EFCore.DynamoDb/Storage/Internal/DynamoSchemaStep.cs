using Amazon.Runtime;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>One planned schema change: what it is, for the caller and the log, and the request that makes it.</summary>
public sealed record DynamoSchemaStep(DynamoTableSchema Table, DynamoSchemaChange Change, AmazonWebServiceRequest Request);
