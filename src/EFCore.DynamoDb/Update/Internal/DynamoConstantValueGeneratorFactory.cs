using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Creates the value generator of a constant sort key. Configured by type, not as a delegate, so that a compiled
///     model can name it; the constant is read from the model.
/// </summary>
public class DynamoConstantValueGeneratorFactory : ValueGeneratorFactory
{
    /// <inheritdoc />
    public override ValueGenerator Create(IProperty property, ITypeBase typeBase)
        => new DynamoConstantValueGenerator(((IReadOnlyEntityType)typeBase).GetConstantSortKeyValue()!);
}
