using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures how an owned entity type is stored inside its owner's item.</summary>
public static class DynamoDbOwnedNavigationBuilderExtensions
{
    /// <summary>
    ///     The attribute that holds the owned entity (a map) or entities (a list of maps); by default the name of the
    ///     owning navigation.
    /// </summary>
    public static OwnedNavigationBuilder ToAttribute(this OwnedNavigationBuilder ownedNavigationBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(ownedNavigationBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ownedNavigationBuilder.OwnedEntityType.SetContainingAttributeName(name);
        return ownedNavigationBuilder;
    }

    /// <inheritdoc cref="ToAttribute(OwnedNavigationBuilder, string)" />
    public static OwnedNavigationBuilder<TOwner, TDependent> ToAttribute<TOwner, TDependent>(
        this OwnedNavigationBuilder<TOwner, TDependent> ownedNavigationBuilder,
        string name)
        where TOwner : class
        where TDependent : class
        => (OwnedNavigationBuilder<TOwner, TDependent>)ToAttribute((OwnedNavigationBuilder)ownedNavigationBuilder, name);
}
