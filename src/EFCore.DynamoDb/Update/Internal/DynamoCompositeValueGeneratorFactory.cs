using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Creates a composite's value generator. Configured by type, not as a delegate, so that a compiled model can
///     name it.
/// </summary>
public class DynamoCompositeValueGeneratorFactory : ValueGeneratorFactory
{
    /// <inheritdoc />
    public override ValueGenerator Create(IProperty property, ITypeBase typeBase)
        => new DynamoCompositeValueGenerator(property);
}
