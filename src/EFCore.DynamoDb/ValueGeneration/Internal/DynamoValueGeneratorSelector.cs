using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.ValueGeneration.Internal;

/// <summary>
///     EF Core's value generators, plus temporary values for the ordinal keys of owned collections: the real value, the
///     element's position in its list, is set when the owner's item is written.
/// </summary>
public class DynamoValueGeneratorSelector(ValueGeneratorSelectorDependencies dependencies) : ValueGeneratorSelector(dependencies)
{
    /// <inheritdoc />
    protected override ValueGenerator? FindForType(IProperty property, ITypeBase typeBase, Type clrType)
        => DynamoOwnedKeys.IsOrdinalKey(property)
            ? new TemporaryNumberValueGeneratorFactory().Create(property, typeBase)
            : base.FindForType(property, typeBase, clrType);
}
