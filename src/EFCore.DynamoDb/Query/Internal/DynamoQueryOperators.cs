namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Finds the DynamoDB query operators' methods, which the translator recognizes in query trees.</summary>
public static class DynamoQueryOperators
{
    /// <summary>
    ///     The <see cref="DynamoDbQueryableExtensions" /> operator named <paramref name="name" />: the one returning a
    ///     query.
    /// </summary>
    public static MethodInfo Find(string name)
        => typeof(DynamoDbQueryableExtensions).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.ReturnType.IsGenericType
                && m.ReturnType.GetGenericTypeDefinition() == typeof(IQueryable<>));

    /// <summary>Whether <paramref name="call" /> is one of the DynamoDB query operators.</summary>
    public static bool IsOperator(MethodCallExpression call) => call.Method.DeclaringType == typeof(DynamoDbQueryableExtensions);
}
