namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Results read for <c>ToPageAsync</c>: once enumerated, the token that resumes after them.</summary>
public interface IDynamoPagedResults
{
    /// <summary>The token for the next page, or <see langword="null" /> when there is none.</summary>
    string? ContinuationToken { get; }
}
