using System.Reflection;
using System.Resources;
using EFCore.DynamoDb.Internal;

namespace EFCore.DynamoDb.Tests.Properties;

public class DynamoStringsTests
{
    private const string ResourceName = "EFCore.DynamoDb.Properties.DynamoStrings.resources";

    [Fact]
    public void Every_resource_entry_has_an_accessor_and_every_accessor_an_entry()
    {
        var entries = ReadResourceKeys();
        var accessors = AccessorNames();

        Assert.Empty(entries.Except(accessors).Order());
        Assert.Empty(accessors.Except(entries).Order());
    }

    private static HashSet<string> ReadResourceKeys()
    {
        using var stream = typeof(DynamoStrings).Assembly.GetManifestResourceStream(ResourceName);
        Assert.NotNull(stream);
        using var reader = new ResourceReader(stream);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var entry = reader.GetEnumerator();
        while (entry.MoveNext())
        {
            keys.Add((string)entry.Key);
        }

        return keys;
    }

    // Messages are read through DynamoStrings; log messages are read by name through DynamoResources.
    private static HashSet<string> AccessorNames()
    {
        const BindingFlags publicStatic = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var messages = typeof(DynamoStrings).GetMembers(publicStatic)
            .Where(m => m is PropertyInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name);
        var logMessages = typeof(DynamoResources).GetMethods(publicStatic).Select(m => m.Name);
        return messages.Concat(logMessages).ToHashSet(StringComparer.Ordinal);
    }
}
