using System.Diagnostics;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Translates LINQ operators into one <see cref="DynamoSelectExpression" />. An operator DynamoDB cannot answer
///     yields <see langword="null" />, which EF Core reports as its standard "could not be translated" error, with
///     a DynamoDB-specific hint; so does anything a condition or projection holds that cannot be answered from the
///     items of one table (a subquery, a navigation to another entity type), at translation, never later.
/// </summary>
public class DynamoQueryableMethodTranslatingExpressionVisitor(
    QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
    QueryCompilationContext queryCompilationContext)
    : QueryableMethodTranslatingExpressionVisitor(dependencies, queryCompilationContext, subquery: false)
{
    private readonly DynamoClientValueParameterizer _clientValues = new(queryCompilationContext);

    // The Includes of reference navigations, then those of collection navigations, are taken out of the query, whose
    // related entities are then read after it: the principals by key, the dependents by a Query per principal on their
    // foreign key (the principals' and dependents' queries are translated here, with this query's parameters). Any other
    // Include of a navigation to another entity type is refused by name before navigation expansion's joins and
    // subqueries are reached, which would name neither the Include nor the navigation. A projection of collection
    // navigations is first made their Include, the projection run on each principal afterwards.
    /// <inheritdoc />
    public override Expression Translate(Expression expression)
    {
        var navigationProjection = DynamoNavigationProjectionRewriter.TryRewrite(expression);
        if (navigationProjection is var (principalsIncluding, _))
        {
            expression = principalsIncluding;
        }

        var includedReferences = DynamoReferenceIncludeRewriter.TryRemove(expression);
        if (includedReferences is var (query, references))
        {
            CheckReferences(references);
            expression = query;
        }

        var includedCollections = DynamoCollectionIncludeRewriter.TryRemove(expression);
        if (includedCollections is var (principals, collections))
        {
            foreach (var collection in collections)
            {
                if (DynamoCollectionLoader.FindRefusal(collection.Navigation) is { } refusal)
                {
                    throw IncludeRefused(collection.Navigation, refusal);
                }
            }

            expression = principals;
        }

        if (DynamoNavigationRefusals.FindInclude(expression) is { } refused)
        {
            throw IncludeRefused(
                refused, DynamoStrings.IncludeNotSupported(DynamoNavigationRefusals.DisplayName(refused), refused.TargetEntityType.DisplayName()));
        }

        var translated = base.Translate(expression);
        if (includedReferences == null && includedCollections == null)
        {
            return translated;
        }

        var selectExpression = (DynamoSelectExpression)((ShapedQueryExpression)translated).QueryExpression;
        foreach (var reference in includedReferences?.Includes ?? [])
        {
            selectExpression.ApplyIncludedReference(TranslateReference(reference, selectExpression.ReadOptions.ConsistentRead));
        }

        foreach (var collection in includedCollections?.Includes ?? [])
        {
            var dependents = new DynamoQueryableMethodTranslatingExpressionVisitor(Dependencies, QueryCompilationContext).Translate(collection.Dependents);
            ReadAsConsistently(selectExpression, collection.Navigation, dependents);
            selectExpression.ApplyIncludedCollection(collection with { Dependents = dependents });
        }

        if (navigationProjection is var (_, projection))
        {
            selectExpression.ApplyNavigationProjection(projection);
        }

        return translated;
    }

    private static void CheckReferences(IEnumerable<DynamoReferenceInclude> references)
    {
        foreach (var reference in references)
        {
            if (DynamoReferenceLoader.FindRefusal(reference.Navigation) is { } refusal)
            {
                throw IncludeRefused(reference.Navigation, refusal);
            }

            CheckReferences(reference.ThenIncludes);
        }
    }

    // The principals are read as consistently as the dependents (WithConsistentRead); their ThenIncludes are theirs.
    private DynamoReferenceInclude TranslateReference(DynamoReferenceInclude reference, bool consistentRead)
    {
        var principals = (ShapedQueryExpression)new DynamoQueryableMethodTranslatingExpressionVisitor(Dependencies, QueryCompilationContext)
            .Translate(reference.Principals);
        var selectExpression = (DynamoSelectExpression)principals.QueryExpression;
        if (consistentRead)
        {
            selectExpression.ApplyReadOptions(options => options with { ConsistentRead = true });
        }

        foreach (var thenInclude in reference.ThenIncludes)
        {
            selectExpression.ApplyIncludedReference(TranslateReference(thenInclude, consistentRead));
        }

        return reference with { Principals = principals };
    }

    // The dependents are read as consistently as the principals when they are read from their table: a global index
    // (keyed by the foreign key) can only be read eventually consistent.
    private static void ReadAsConsistently(DynamoSelectExpression principals, INavigation navigation, Expression dependents)
    {
        if (principals.ReadOptions.ConsistentRead
            && navigation.ForeignKey.Properties.Contains(navigation.TargetEntityType.GetPartitionKeyProperty())
            && dependents is ShapedQueryExpression { QueryExpression: DynamoSelectExpression dependentsSelect })
        {
            dependentsSelect.ApplyReadOptions(options => options with { ConsistentRead = true });
        }
    }

    private static InvalidOperationException IncludeRefused(INavigationBase navigation, string details)
        => new(CoreStrings.TranslationFailedWithDetails(DynamoNavigationRefusals.DisplayInclude(navigation), details));

    /// <inheritdoc />
    protected override QueryableMethodTranslatingExpressionVisitor CreateSubqueryVisitor()
        => throw new InvalidOperationException(DynamoStrings.SubqueriesNotSupported);

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression methodCallExpression)
    {
        if (!DynamoQueryOperators.IsOperator(methodCallExpression))
        {
            return base.VisitMethodCall(methodCallExpression);
        }

        if (Visit(methodCallExpression.Arguments[0]) is not ShapedQueryExpression source)
        {
            return QueryCompilationContext.NotTranslatedExpression;
        }

        var operatorName = methodCallExpression.Method.Name;
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (operatorName == nameof(DynamoDbQueryableExtensions.WithPage))
        {
            if (selectExpression.Limits.Count > 0 || selectExpression.Offset != null || selectExpression.ReadOptions.ParallelSegments != null)
            {
                AddTranslationErrorDetails(DynamoStrings.PagingNotSupported);
                return QueryCompilationContext.NotTranslatedExpression;
            }

            selectExpression.ApplyPaging(methodCallExpression.Arguments[1], methodCallExpression.Arguments[2]);
            return source;
        }

        var argument = methodCallExpression.Arguments.Count > 1 ? methodCallExpression.Arguments[1] : null;
        if (argument != null && !DynamoQueryArgument.IsConstantOrParameter(argument))
        {
            throw new InvalidOperationException(DynamoStrings.InvalidQueryArgument(operatorName, argument.Print()));
        }

        selectExpression.ApplyReadOptions(options => operatorName switch
        {
            nameof(DynamoDbQueryableExtensions.WithConsistentRead) => options with { ConsistentRead = true },
            nameof(DynamoDbQueryableExtensions.WithScanLimit) => options with { ScanLimit = argument },
            nameof(DynamoDbQueryableExtensions.WithPageSize) => options with { PageSize = argument },
            nameof(DynamoDbQueryableExtensions.AllowScan) => options with { AllowScan = true },
            nameof(DynamoDbQueryableExtensions.WithParallelScan) => options with { ParallelSegments = argument, AllowScan = true },
            nameof(DynamoDbQueryableExtensions.WithIndex) => options with { IndexName = (string)((ConstantExpression)argument!).Value! },
            _ => throw new UnreachableException(operatorName)
        });
        return source;
    }

    // FromPartiQL: the entity type's query, reading its items with the statement; the funcletizer has made its values a
    // parameter.
    /// <inheritdoc />
    protected override Expression VisitExtension(Expression extensionExpression)
    {
        if (extensionExpression is not DynamoPartiQLQueryRootExpression { Values: QueryParameterExpression values } partiQL)
        {
            return base.VisitExtension(extensionExpression);
        }

        var shaped = CreateShapedQueryExpression(partiQL.EntityType);
        ((DynamoSelectExpression)shaped.QueryExpression).ApplyPartiQL(new DynamoPartiQLSource(partiQL.Statement, values));
        return shaped;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression CreateShapedQueryExpression(IEntityType entityType)
    {
        var selectExpression = new DynamoSelectExpression(entityType);
        if (DynamoDiscriminatorFilter.Create(entityType) is { } discriminatorFilter)
        {
            selectExpression.ApplyPredicate(discriminatorFilter);
        }

        return new ShapedQueryExpression(
            selectExpression,
            new StructuralTypeShaperExpression(
                entityType,
                new ProjectionBindingExpression(selectExpression, new ProjectionMember(), typeof(ValueBuffer)),
                nullable: false));
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateWhere(ShapedQueryExpression source, LambdaExpression predicate)
    {
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (selectExpression.Limits.Count > 0 || selectExpression.Offset != null)
        {
            // Filtering after Take or Skip would change which items are counted; DynamoDB filters before limiting.
            return NotSupported("Where after Take or Skip");
        }

        var translator = new DynamoPredicateTranslator(source.ShaperExpression, predicate.Parameters[0]);
        var translated = translator.Translate(_clientValues.Parameterize(RemapLambdaBody(source, predicate)));
        if (translated == null)
        {
            AddTranslationErrorDetails(translator.TranslationErrorDetails!);
            return null;
        }

        if (selectExpression.PartiQL is { } partiQL && DynamoPartiQLPlanner.FindWhereRefusal(partiQL, translated) is { } refusal)
        {
            AddTranslationErrorDetails(refusal);
            return null;
        }

        selectExpression.ApplyPredicate(translated);
        return source;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateFirstOrDefault(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        Type returnType,
        bool returnDefault)
        => TranslateSingleResult(source, predicate, limit: 1, returnDefault);

    // Single reads up to two items, so that a second match is reported as an error.
    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSingleOrDefault(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        Type returnType,
        bool returnDefault)
        => TranslateSingleResult(source, predicate, limit: 2, returnDefault);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateTake(ShapedQueryExpression source, Expression count)
    {
        if (count is not (ConstantExpression or QueryParameterExpression))
        {
            return NotSupported("Take");
        }

        ((DynamoSelectExpression)source.QueryExpression).ApplyLimit(count);
        return source;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateScalar(source, predicate, DynamoResultKind.Count, typeof(int));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateLongCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateScalar(source, predicate, DynamoResultKind.Count, typeof(long));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAny(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateScalar(source, predicate, DynamoResultKind.Any, typeof(bool));

    // All(p) is !Any(!p): DynamoDB finds a counterexample or reads everything.
    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAll(ShapedQueryExpression source, LambdaExpression predicate)
        => TranslateScalar(
            source,
            Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters),
            DynamoResultKind.Any,
            typeof(bool),
            negate: true);

    // EF Core expects every Select to translate (the rest of a projection runs on the client); what the shaper cannot
    // compute (a subquery, a collection navigation, a property named at run time) fails here, naming the selector.
    /// <inheritdoc />
    protected override ShapedQueryExpression TranslateSelect(ShapedQueryExpression source, LambdaExpression selector)
    {
        if (selector.Body == selector.Parameters[0])
        {
            return source;
        }

        if (DynamoProjectionTranslationCheck.FindInSelector(selector.Body) is { } details)
        {
            throw new InvalidOperationException(CoreStrings.TranslationFailedWithDetails(selector.Print(), details));
        }

        var projection = RemapLambdaBody(source, selector);
        if (DynamoUnsupportedNodeFinder.Find(projection) is { } unsupported)
        {
            throw new InvalidOperationException(
                CoreStrings.TranslationFailedWithDetails(
                    selector.Print(),
                    DynamoStrings.SubqueryNotSupported(DynamoExpressionDisplay.Print(unsupported, source.ShaperExpression, selector.Parameters[0]))));
        }

        return source.UpdateShaperExpression(projection);
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAverage(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateAggregate(source, selector, resultType, nameof(Enumerable.Average));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateCast(ShapedQueryExpression source, Type castType)
        => source.ShaperExpression.Type == castType ? source : NotSupported(nameof(Queryable.Cast));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateConcat(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => NotSupported(nameof(Queryable.Concat));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateContains(ShapedQueryExpression source, Expression item)
        => NotSupported(nameof(Queryable.Contains));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateDefaultIfEmpty(ShapedQueryExpression source, Expression? defaultValue)
        => NotSupported(nameof(Queryable.DefaultIfEmpty));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateDistinct(ShapedQueryExpression source)
        => NotSupported(nameof(Queryable.Distinct));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateElementAtOrDefault(ShapedQueryExpression source, Expression index, bool returnDefault)
        => NotSupported(nameof(Queryable.ElementAt));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateExcept(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => NotSupported(nameof(Queryable.Except));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateGroupBy(
        ShapedQueryExpression source,
        LambdaExpression keySelector,
        LambdaExpression? elementSelector,
        LambdaExpression? resultSelector)
        => NotSupported(nameof(Queryable.GroupBy));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateGroupJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => NotSupported(nameof(Queryable.GroupJoin));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateIntersect(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => NotSupported(nameof(Queryable.Intersect));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => NotSupportedJoin(outer, inner, resultSelector, nameof(Queryable.Join));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateLeftJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => NotSupportedJoin(outer, inner, resultSelector, "LeftJoin");

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateRightJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression outerKeySelector,
        LambdaExpression innerKeySelector,
        LambdaExpression resultSelector)
        => NotSupported("RightJoin");

    // Last reads the first item from the other end of the sort key.
    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateLastOrDefault(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        Type returnType,
        bool returnDefault)
    {
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (selectExpression.Orderings.Count == 0)
        {
            AddTranslationErrorDetails(DynamoStrings.LastWithoutOrdering(selectExpression.EntityType.DisplayName()));
            return null;
        }

        if (selectExpression.Limits.Count > 0 || selectExpression.Offset != null)
        {
            return NotSupported("Last after Take or Skip");
        }

        selectExpression.ReverseOrderings();
        return TranslateSingleResult(source, predicate, limit: 1, returnDefault);
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateMax(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateAggregate(source, selector, resultType, nameof(Enumerable.Max));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateMin(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateAggregate(source, selector, resultType, nameof(Enumerable.Min));

    // OfType<Derived>() keeps the derived types' items, by discriminator, and materializes them as such.
    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateOfType(ShapedQueryExpression source, Type resultType)
    {
        if (source.ShaperExpression.Type == resultType)
        {
            return source;
        }

        if (source.ShaperExpression is not StructuralTypeShaperExpression { StructuralType: IEntityType entityType } shaper
            || entityType.GetDerivedTypes().FirstOrDefault(t => t.ClrType == resultType) is not { } derivedType
            || DynamoDiscriminatorFilter.Create(derivedType) is not { } filter)
        {
            return NotSupported(nameof(Queryable.OfType));
        }

        ((DynamoSelectExpression)source.QueryExpression).ApplyPredicate(filter);
        return source.UpdateShaperExpression(new StructuralTypeShaperExpression(derivedType, shaper.ValueBufferExpression, shaper.IsNullable));
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateOrderBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending)
        => TranslateOrdering(source, keySelector, ascending, thenBy: false);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateReverse(ShapedQueryExpression source)
    {
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (selectExpression.Orderings.Count == 0 || selectExpression.Limits.Count > 0)
        {
            return NotSupported(nameof(Queryable.Reverse));
        }

        selectExpression.ReverseOrderings();
        return source;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSelectMany(
        ShapedQueryExpression source,
        LambdaExpression collectionSelector,
        LambdaExpression resultSelector)
        => NotSupported(nameof(Queryable.SelectMany));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSelectMany(ShapedQueryExpression source, LambdaExpression selector)
        => NotSupported(nameof(Queryable.SelectMany));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSkip(ShapedQueryExpression source, Expression count)
    {
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (!DynamoQueryArgument.IsConstantOrParameter(count) || selectExpression.Limits.Count > 0 || selectExpression.Offset != null)
        {
            return NotSupported(nameof(Queryable.Skip));
        }

        selectExpression.ApplyOffset(count);
        return source;
    }

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSkipWhile(ShapedQueryExpression source, LambdaExpression predicate)
        => NotSupported(nameof(Queryable.SkipWhile));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateSum(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateAggregate(source, selector, resultType, nameof(Enumerable.Sum));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateTakeWhile(ShapedQueryExpression source, LambdaExpression predicate)
        => NotSupported(nameof(Queryable.TakeWhile));

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateThenBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending)
        => TranslateOrdering(source, keySelector, ascending, thenBy: true);

    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateUnion(ShapedQueryExpression source1, ShapedQueryExpression source2)
        => NotSupported(nameof(Queryable.Union));

    // ExecuteDelete and ExecuteUpdate write each item the query selects, conditioned on the query's other predicates.
    /// <inheritdoc />
    protected override Expression? TranslateExecuteDelete(ShapedQueryExpression source)
        => CanWriteSelection(source) ? new DynamoNonQueryExpression((DynamoSelectExpression)source.QueryExpression, null) : null;

    /// <inheritdoc />
    protected override Expression? TranslateExecuteUpdate(ShapedQueryExpression source, IReadOnlyList<ExecuteUpdateSetter> setters)
    {
        if (!CanWriteSelection(source))
        {
            return null;
        }

        var translated = new List<DynamoSetter>();
        foreach (var setter in setters)
        {
            if (DynamoPredicateTranslator.TranslateAttribute(RemapLambdaBody(source, setter.PropertySelector)) is not { IsNested: false } target
                || target.Property.IsKey()
                || TranslateSetterValue(source, target, setter.ValueExpression) is not { } value)
            {
                AddTranslationErrorDetails(DynamoStrings.SetterNotTranslatable(setter.PropertySelector.Print(), setter.ValueExpression.Print()));
                return null;
            }

            translated.Add(value);
        }

        return new DynamoNonQueryExpression((DynamoSelectExpression)source.QueryExpression, translated);
    }

    // A value, another attribute, or an attribute plus or minus a value.
    private DynamoSetter? TranslateSetterValue(ShapedQueryExpression source, DynamoAttributeExpression target, Expression value)
    {
        var body = value is LambdaExpression lambda ? RemapLambdaBody(source, lambda) : value;
        body = DynamoQueryArgument.UnwrapConvert(_clientValues.Parameterize(body));
        if (DynamoQueryArgument.IsConstantOrParameter(body))
        {
            return new DynamoSetter(target, null, false, new DynamoValueExpression(body, target.Property));
        }

        if (DynamoPredicateTranslator.TranslateAttribute(body) is { IsNested: false } copied)
        {
            return new DynamoSetter(target, copied, false, null);
        }

        return body is BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.Subtract } arithmetic
            && DynamoPredicateTranslator.TranslateAttribute(arithmetic.Left) is { IsNested: false } from
            && DynamoQueryArgument.UnwrapConvert(arithmetic.Right) is var operand
            && DynamoQueryArgument.IsConstantOrParameter(operand)
                ? new DynamoSetter(target, from, arithmetic.NodeType == ExpressionType.Subtract, new DynamoValueExpression(operand, target.Property))
                : null;
    }

    private bool CanWriteSelection(ShapedQueryExpression source)
    {
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (selectExpression.PartiQL is { } partiQL)
        {
            AddTranslationErrorDetails(DynamoStrings.PartiQLExecuteNotSupported(partiQL.Statement.Template));
            return false;
        }

        if (selectExpression.Limits.Count > 0 || selectExpression.Offset != null || source.ShaperExpression is not StructuralTypeShaperExpression)
        {
            AddTranslationErrorDetails(DynamoStrings.ExecuteAfterLimitOrProjection);
            return false;
        }

        return true;
    }

    // DynamoDB has no aggregates: the projected values stream in and are folded on the client (Min and Max of a
    // sort key read a single item, decided once the access path is known).
    private ShapedQueryExpression? TranslateAggregate(ShapedQueryExpression source, LambdaExpression? selector, Type resultType, string aggregateOperator)
    {
        if (selector != null)
        {
            source = TranslateSelect(source, selector);
        }

        if (DynamoProjectionTranslationCheck.FindInAggregate(source.ShaperExpression) is { } details)
        {
            AddTranslationErrorDetails(details);
            return null;
        }

        ((DynamoSelectExpression)source.QueryExpression).ApplyAggregate(aggregateOperator, resultType);
        return source.UpdateResultCardinality(ResultCardinality.Single);
    }

    // Only properties order; whether DynamoDB can serve the order is the planner's decision, once the path is known.
    private ShapedQueryExpression? TranslateOrdering(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending, bool thenBy)
    {
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (selectExpression.PartiQL is { } partiQL)
        {
            AddTranslationErrorDetails(DynamoStrings.PartiQLOrderingNotSupported(partiQL.Statement.Template));
            return null;
        }

        if (selectExpression.Limits.Count > 0 || selectExpression.Offset != null
            || DynamoAttributePathTranslator.Translate(RemapLambdaBody(source, keySelector)) is not { IsNested: false } attribute)
        {
            return NotSupported(thenBy ? nameof(Queryable.ThenBy) : nameof(Queryable.OrderBy));
        }

        selectExpression.ApplyOrdering(new DynamoOrdering(attribute.Property, ascending), thenBy);
        return source;
    }

    private ShapedQueryExpression? TranslateSingleResult(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        int limit,
        bool returnDefault)
    {
        if (predicate != null && TranslateWhere(source, predicate) == null)
        {
            return null;
        }

        ((DynamoSelectExpression)source.QueryExpression).ApplyLimit(Expression.Constant(limit));
        return source.UpdateResultCardinality(returnDefault ? ResultCardinality.SingleOrDefault : ResultCardinality.Single);
    }

    private ShapedQueryExpression? TranslateScalar(
        ShapedQueryExpression source,
        LambdaExpression? predicate,
        DynamoResultKind resultKind,
        Type resultType,
        bool negate = false)
    {
        var selectExpression = (DynamoSelectExpression)source.QueryExpression;
        if (selectExpression.Limits.Count > 0 || selectExpression.Offset != null)
        {
            return NotSupported(resultKind + " after Take or Skip");
        }

        if (predicate != null && TranslateWhere(source, predicate) == null)
        {
            return null;
        }

        selectExpression.ApplyResultKind(resultKind, negate);
        return source
            .UpdateShaperExpression(new ProjectionBindingExpression(selectExpression, new ProjectionMember(), resultType))
            .UpdateResultCardinality(ResultCardinality.Single);
    }

    private static Expression RemapLambdaBody(ShapedQueryExpression source, LambdaExpression lambda)
        => ReplacingExpressionVisitor.Replace(lambda.Parameters[0], source.ShaperExpression, lambda.Body);

    // A join navigation expansion made of a reference navigation is named by the navigation the user wrote.
    private ShapedQueryExpression? NotSupportedJoin(
        ShapedQueryExpression outer,
        ShapedQueryExpression inner,
        LambdaExpression resultSelector,
        string operatorName)
    {
        if (DynamoNavigationRefusals.FindJoinedNavigation(outer, inner, resultSelector) is not { } navigation)
        {
            return NotSupported(operatorName);
        }

        AddTranslationErrorDetails(
            DynamoStrings.NavigationNotSupported(DynamoNavigationRefusals.DisplayName(navigation), navigation.TargetEntityType.DisplayName()));
        return null;
    }

    private ShapedQueryExpression? NotSupported(string operatorName)
    {
        AddTranslationErrorDetails(DynamoStrings.OperatorNotSupported(operatorName));
        return null;
    }
}
