namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Adds boxed numbers of one CLR type (the type of the incremented property), exactly.</summary>
public static class DynamoNumbers
{
    /// <summary>The sum of two numbers of the same CLR type; throws on overflow rather than wrapping around.</summary>
    public static object Add(object left, object right)
        => left switch
        {
            int i => checked(i + (int)right),
            long l => checked(l + (long)right),
            short s => checked((short)(s + (short)right)),
            byte b => checked((byte)(b + (byte)right)),
            sbyte b => checked((sbyte)(b + (sbyte)right)),
            ushort s => checked((ushort)(s + (ushort)right)),
            uint u => checked(u + (uint)right),
            ulong u => checked(u + (ulong)right),
            decimal m => m + (decimal)right,
            double d => d + (double)right,
            float f => f + (float)right,
            _ => throw new ArgumentException(left.GetType().Name, nameof(left))
        };
}
