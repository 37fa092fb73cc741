namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     The base of visitors over the DynamoDB expression nodes: one method per node kind, each visiting the node's
///     children by default (so the node is rebuilt only when a child changed). Override the kinds to inspect or rewrite.
/// </summary>
public abstract class DynamoExpressionVisitor : ExpressionVisitor
{
    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
        => node switch
        {
            DynamoAttributeExpression attribute => VisitAttribute(attribute),
            DynamoPathExpression path => VisitPath(path),
            DynamoValueExpression value => VisitValue(value),
            DynamoComparisonExpression comparison => VisitComparison(comparison),
            DynamoLogicalExpression logical => VisitLogical(logical),
            DynamoConjunctionExpression conjunction => VisitConjunction(conjunction),
            DynamoNotExpression not => VisitNot(not),
            DynamoBetweenExpression between => VisitBetween(between),
            DynamoInExpression @in => VisitIn(@in),
            DynamoFunctionExpression function => VisitFunction(function),
            DynamoSizeExpression size => VisitSize(size),
            DynamoAttributeExistsExpression attributeExists => VisitAttributeExists(attributeExists),
            DynamoKeyConditionExpression keyCondition => VisitKeyCondition(keyCondition),
            DynamoProjectionExpression projection => VisitProjection(projection),
            DynamoUpdateExpression update => VisitUpdate(update),
            DynamoSetAction setAction => VisitSetAction(setAction),
            DynamoRemoveAction removeAction => VisitRemoveAction(removeAction),
            DynamoAddAction addAction => VisitAddAction(addAction),
            DynamoDeleteAction deleteAction => VisitDeleteAction(deleteAction),
            DynamoArithmeticExpression arithmetic => VisitArithmetic(arithmetic),
            DynamoIfNotExistsExpression ifNotExists => VisitIfNotExists(ifNotExists),
            _ => base.VisitExtension(node)
        };

    /// <summary>Visits an attribute holding a property's value (checked before <see cref="DynamoPathExpression" />, which it extends).</summary>
    protected virtual Expression VisitAttribute(DynamoAttributeExpression node) => base.VisitExtension(node);

    /// <summary>Visits a document path.</summary>
    protected virtual Expression VisitPath(DynamoPathExpression node) => base.VisitExtension(node);

    /// <summary>Visits a value.</summary>
    protected virtual Expression VisitValue(DynamoValueExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>attribute op value</c>.</summary>
    protected virtual Expression VisitComparison(DynamoComparisonExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>AND</c> or <c>OR</c> of two conditions.</summary>
    protected virtual Expression VisitLogical(DynamoLogicalExpression node) => base.VisitExtension(node);

    /// <summary>Visits conditions joined with <c>AND</c>.</summary>
    protected virtual Expression VisitConjunction(DynamoConjunctionExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>NOT</c>.</summary>
    protected virtual Expression VisitNot(DynamoNotExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>BETWEEN</c>.</summary>
    protected virtual Expression VisitBetween(DynamoBetweenExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>IN</c>.</summary>
    protected virtual Expression VisitIn(DynamoInExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>begins_with</c> or <c>contains</c>.</summary>
    protected virtual Expression VisitFunction(DynamoFunctionExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>size(…) op value</c>.</summary>
    protected virtual Expression VisitSize(DynamoSizeExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>attribute_exists</c> or <c>attribute_not_exists</c>.</summary>
    protected virtual Expression VisitAttributeExists(DynamoAttributeExistsExpression node) => base.VisitExtension(node);

    /// <summary>Visits a key condition.</summary>
    protected virtual Expression VisitKeyCondition(DynamoKeyConditionExpression node) => base.VisitExtension(node);

    /// <summary>Visits a projection.</summary>
    protected virtual Expression VisitProjection(DynamoProjectionExpression node) => base.VisitExtension(node);

    /// <summary>Visits an update expression.</summary>
    protected virtual Expression VisitUpdate(DynamoUpdateExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>SET</c>.</summary>
    protected virtual Expression VisitSetAction(DynamoSetAction node) => base.VisitExtension(node);

    /// <summary>Visits <c>REMOVE</c>.</summary>
    protected virtual Expression VisitRemoveAction(DynamoRemoveAction node) => base.VisitExtension(node);

    /// <summary>Visits <c>ADD</c>.</summary>
    protected virtual Expression VisitAddAction(DynamoAddAction node) => base.VisitExtension(node);

    /// <summary>Visits <c>DELETE</c>.</summary>
    protected virtual Expression VisitDeleteAction(DynamoDeleteAction node) => base.VisitExtension(node);

    /// <summary>Visits <c>path + value</c> or <c>path - value</c>.</summary>
    protected virtual Expression VisitArithmetic(DynamoArithmeticExpression node) => base.VisitExtension(node);

    /// <summary>Visits <c>if_not_exists</c>.</summary>
    protected virtual Expression VisitIfNotExists(DynamoIfNotExistsExpression node) => base.VisitExtension(node);
}
