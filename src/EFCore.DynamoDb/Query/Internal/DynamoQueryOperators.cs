namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Finds the DynamoDB query operators' methods, which the translator recognizes in query trees.</summary>
public static class DynamoQueryOperators
{
    public static MethodInfo Find(string name)
        => typeof(DynamoDbQueryableExtensions).GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition);

    public static bool IsOperator(MethodCallExpression call) => call.Method.DeclaringType == typeof(DynamoDbQueryableExtensions);
}
