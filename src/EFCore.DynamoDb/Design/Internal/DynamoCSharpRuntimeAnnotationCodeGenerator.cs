using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Design.Internal;

namespace EFCore.DynamoDb.Design.Internal;

/// <summary>
///     Writes the provider's annotations into a compiled model. Names, key schema, indexes, throughput, TTL and
///     composite components are plain values that EF Core writes as literals; the delegates of HasMerge and HasCheck
///     cannot be written as code, so optimizing a model that has them fails, naming them.
/// </summary>
public class DynamoCSharpRuntimeAnnotationCodeGenerator(CSharpRuntimeAnnotationCodeGeneratorDependencies dependencies)
    : CSharpRuntimeAnnotationCodeGenerator(dependencies)
{
    /// <inheritdoc />
    public override void Generate(IEntityType entityType, CSharpRuntimeAnnotationCodeGeneratorParameters parameters)
    {
        if (parameters.Annotations.TryGetValue(DynamoAnnotationNames.Checks, out var checks)
            && checks is IReadOnlyList<DynamoEntityCheck> { Count: > 0 } checkList)
        {
            throw new InvalidOperationException(DynamoStrings.CompiledModelCheck(entityType.DisplayName(), checkList[0].Name));
        }

        base.Generate(entityType, parameters);
    }

    /// <inheritdoc />
    public override void Generate(IProperty property, CSharpRuntimeAnnotationCodeGeneratorParameters parameters)
    {
        if (parameters.Annotations.TryGetValue(DynamoAnnotationNames.CompositeMerge, out var merge) && merge != null)
        {
            throw new InvalidOperationException(DynamoStrings.CompiledModelCompositeMerge(property.DeclaringType.DisplayName(), property.Name));
        }

        base.Generate(property, parameters);
    }
}
