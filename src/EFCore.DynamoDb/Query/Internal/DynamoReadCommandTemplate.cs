using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The projection and key condition of a read plan's command as text, with the attribute names they use, but
///     without the key condition's values: each execution binds those (<see cref="KeyConditionValues" />, recorded in
///     the order of their placeholders <c>:v0</c>, <c>:v1</c>…) and renders the filter after them, which continues the
///     numbering. When the recording says that no parameter shaped the text (no name of these paths is one), it is the
///     same on every execution and is rendered once per plan (<see cref="DynamoReadPlan.CommandTemplateFor" />).
/// </summary>
public sealed class DynamoReadCommandTemplate
{
    private DynamoReadCommandTemplate(
        string? projection,
        string? keyCondition,
        DynamoValueRecording keyConditionValues,
        Dictionary<string, string>? names)
    {
        Projection = projection;
        KeyCondition = keyCondition;
        KeyConditionValues = keyConditionValues;
        Names = names;
    }

    /// <summary>The attributes to return, or <see langword="null" /> for whole items or a count.</summary>
    public string? Projection { get; }

    /// <summary>For a Query: the key condition, its values as placeholders.</summary>
    public string? KeyCondition { get; }

    /// <summary>
    ///     The values of the key condition, in the order of their placeholders, for each execution to bind (none unless a
    ///     Query), and whether the text holds for every execution.
    /// </summary>
    public DynamoValueRecording KeyConditionValues { get; }

    /// <summary>
    ///     The attribute-name placeholders of the projection and key condition, or <see langword="null" /> when none. A
    ///     template reused by every execution shares it with their requests: nothing writes to a command's names once it
    ///     is rendered, and a request that names more (a filter's) gets a copy.
    /// </summary>
    public Dictionary<string, string>? Names { get; }

    /// <summary>The template of <paramref name="plan" />, its path names resolved from <paramref name="parameters" />.</summary>
    public static DynamoReadCommandTemplate Render(DynamoReadPlan plan, IReadOnlyDictionary<string, object?> parameters)
    {
        var placeholders = new DynamoExpressionPlaceholders();
        var keyConditionValues = new DynamoValueRecording();
        var renderer = new DynamoExpressionRenderer(placeholders, parameters, keyConditionValues);
        var projection = ProjectionOf(plan) is { } attributes ? renderer.Render(attributes) : null;
        var keyCondition = KeyConditionOf(plan) is { } condition ? renderer.Render(condition) : null;
        return new DynamoReadCommandTemplate(projection, keyCondition, keyConditionValues, placeholders.Names);
    }

    private static DynamoProjectionExpression? ProjectionOf(DynamoReadPlan plan) => plan.CountOnly ? null : plan.Projection;

    private static DynamoKeyConditionExpression? KeyConditionOf(DynamoReadPlan plan)
        => plan.AccessPlan is { Path: DynamoAccessPath.Query } access
            ? new DynamoKeyConditionExpression(access.PartitionKeyConditions, access.SortKeyConditions)
            : null;
}
