using System.Reflection;
using System.Reflection.Emit;

namespace EFCore.DynamoDb.Tests.Architecture;

/// <summary>
///     The types each type of an assembly references: base types and interfaces, fields, method and property
///     signatures, locals, and every type, method and field token in method bodies. Compiler-generated nested types
///     (closures, async state machines) count as the type they were written in.
/// </summary>
public static class ProviderTypeReferences
{
    private const BindingFlags Declared
        = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static Dictionary<Type, HashSet<Type>> Collect(Assembly assembly)
    {
        var references = new Dictionary<Type, HashSet<Type>>();
        foreach (var type in assembly.GetTypes())
        {
            var owner = WrittenIn(type);
            if (!references.TryGetValue(owner, out var found))
            {
                references[owner] = found = [];
            }

            AddTypeShape(type, found);
        }

        return references;
    }

    private static Type WrittenIn(Type type)
    {
        while (type.DeclaringType != null && type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static void AddTypeShape(Type type, HashSet<Type> found)
    {
        Add(type.BaseType, found);
        foreach (var @interface in type.GetInterfaces())
        {
            Add(@interface, found);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, found);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, found);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            AddMethod(method, found);
        }
    }

    private static void AddMethod(MethodBase method, HashSet<Type> found)
    {
        AddSignature(method, found);
        var body = method.GetMethodBody();
        if (body == null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(local.LocalType, found);
        }

        foreach (var clause in body.ExceptionHandlingClauses)
        {
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
            {
                Add(clause.CatchType, found);
            }
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var token in MemberTokens(body.GetILAsByteArray()!))
        {
            switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
            {
                case Type referenced:
                    Add(referenced, found);
                    break;
                case MethodBase called:
                    Add(called.DeclaringType, found);
                    AddSignature(called, found);
                    break;
                case FieldInfo field:
                    Add(field.DeclaringType, found);
                    Add(field.FieldType, found);
                    break;
            }
        }
    }

    private static void AddSignature(MethodBase method, HashSet<Type> found)
    {
        if (method is MethodInfo info)
        {
            Add(info.ReturnType, found);
        }

        foreach (var parameter in method.GetParameters())
        {
            Add(parameter.ParameterType, found);
        }
    }

    // The metadata tokens of the type, method and field operands of an IL stream.
    private static IEnumerable<int> MemberTokens(byte[] il)
    {
        for (var offset = 0; offset < il.Length;)
        {
            var value = (short)il[offset++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[offset++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, offset);
                    offset += 4;
                    break;
                case OperandType.InlineSwitch:
                    offset += 4 + 4 * BitConverter.ToInt32(il, offset);
                    break;
                default:
                    offset += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operandType)
        => operandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4
        };

    // A constructed type counts as its definition and each of its arguments; arrays, pointers and by-refs as their elements.
    private static void Add(Type? type, HashSet<Type> found)
    {
        while (type is { HasElementType: true })
        {
            type = type.GetElementType();
        }

        if (type == null || type.IsGenericParameter)
        {
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(argument, found);
            }

            type = type.GetGenericTypeDefinition();
        }

        found.Add(type);
    }
}
