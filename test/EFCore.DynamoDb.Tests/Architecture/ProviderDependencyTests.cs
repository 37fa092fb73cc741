using System.Reflection;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Architecture;

/// <summary>
///     The provider's dependency rules (DESIGN.md, "Repository layout"): only Storage names the AWS SDK's request,
///     response and exception types, and Query and Update never reference each other. Every type the provider's IL
///     names is checked — signatures, fields, locals and method bodies, compiler-generated closures and state machines
///     counted as their declaring type's.
/// </summary>
public class ProviderDependencyTests
{
    private static readonly Assembly Provider = typeof(DynamoClientWrapper).Assembly;

    private static readonly Dictionary<Type, HashSet<Type>> ReferencesByType = ProviderTypeReferences.Collect(Provider);

    [Fact]
    public void Only_Storage_names_SDK_requests_responses_and_exceptions()
    {
        var violations = ReferencesByType
            .Where(r => !IsStorage(r.Key))
            .SelectMany(r => r.Value.Where(IsSdkWireType).Select(t => $"{r.Key.FullName} → {t.FullName}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        AssertNone(violations);
    }

    [Fact]
    public void Query_does_not_reference_Update()
        => AssertNone(Violations("EFCore.DynamoDb.Query", "EFCore.DynamoDb.Update"));

    [Fact]
    public void Update_does_not_reference_Query()
        => AssertNone(Violations("EFCore.DynamoDb.Update", "EFCore.DynamoDb.Query"));

    // The scan must see what it looks for, or the rules above would pass vacuously.
    [Fact]
    public void The_scan_sees_SDK_types_in_Storage_and_provider_types_across_namespaces()
    {
        Assert.Contains(
            ReferencesByType.Where(r => IsIn(r.Key, "EFCore.DynamoDb.Storage")).SelectMany(r => r.Value),
            t => t == typeof(Amazon.DynamoDBv2.Model.QueryRequest));
        Assert.Contains(
            ReferencesByType.Where(r => IsIn(r.Key, "EFCore.DynamoDb.Query")).SelectMany(r => r.Value),
            t => IsIn(t, "EFCore.DynamoDb.Storage"));
    }

    private static void AssertNone(List<string> violations)
        => Assert.True(violations.Count == 0, "Forbidden references:\n" + string.Join("\n", violations));

    private static List<string> Violations(string from, string to)
        => ReferencesByType
            .Where(r => IsIn(r.Key, from))
            .SelectMany(r => r.Value.Where(t => IsIn(t, to)).Select(t => $"{r.Key.FullName} → {t.FullName}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    // Storage's public types live in EF's namespaces, as EF's own providers do.
    private static bool IsStorage(Type type) => IsIn(type, "EFCore.DynamoDb.Storage") || type == typeof(Microsoft.EntityFrameworkCore.DynamoExecutionStrategy);

    private static bool IsIn(Type type, string @namespace)
        => type.Namespace is { } name && (name == @namespace || name.StartsWith(@namespace + ".", StringComparison.Ordinal));

    private static bool IsSdkWireType(Type type)
        => type.Namespace?.StartsWith("Amazon.DynamoDBv2", StringComparison.Ordinal) == true
            && (typeof(AmazonWebServiceRequest).IsAssignableFrom(type)
                || typeof(AmazonWebServiceResponse).IsAssignableFrom(type)
                || typeof(Exception).IsAssignableFrom(type));
}
