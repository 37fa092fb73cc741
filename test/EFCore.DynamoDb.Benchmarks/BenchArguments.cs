using System.Globalization;
using EFCore.DynamoDb.Benchmarks.Systems;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
///     <c>[steady|cold|all|alloc] [--quick] [--warmup N] [--warmup-seconds N] [--rounds N] [--launches N] [--only TEXT[|TEXT…]] [--systems TEXT[|TEXT…]]</c>;
///     <c>cold-child SYSTEM</c> is the harness calling itself.
/// </summary>
internal sealed record BenchArguments(string Mode, int WarmupRounds, int MeasuredRounds, int ColdLaunches, string? ColdSystem)
{
    /// <summary>
    ///     Only the steady-state operations whose name contains this text (case-insensitive), or one of several texts
    ///     separated by <c>|</c>; or all of them.
    /// </summary>
    public string? Only { get; init; }

    /// <summary>
    ///     The least time the warm-up lasts, however many rounds that takes: the tiered JIT settles only after some 20
    ///     seconds, which the warm-up rounds of a few fast operations (<c>--only</c>) would not reach.
    /// </summary>
    public int WarmupSeconds { get; init; } = 30;

    /// <summary>
    ///     Only the systems whose name contains this text (case-insensitive), or one of several separated by <c>|</c>, next
    ///     to the raw SDK's, which the others are measured against; or all of them. Fewer systems make a profile of one.
    /// </summary>
    public string? SystemsOnly { get; init; }

    public IReadOnlyList<BenchOperation> Operations
        => Only == null ? BenchOperation.All : BenchOperation.All.Where(o => Matches(Only, o.Name)).ToList();

    /// <summary>The systems to run, the raw SDK's first among them.</summary>
    public IReadOnlyList<BenchSystem> Select(IReadOnlyList<BenchSystem> systems)
        => SystemsOnly == null ? systems : [systems[0], .. systems.Skip(1).Where(s => Matches(SystemsOnly, s.Name))];

    private static bool Matches(string texts, string name) => texts.Split('|').Any(text => name.Contains(text, StringComparison.OrdinalIgnoreCase));

    public const string Usage
        = "usage: [steady|cold|all|alloc] [--quick] [--warmup N] [--warmup-seconds N] [--rounds N] [--launches N] [--only TEXT[|TEXT…]] [--systems TEXT[|TEXT…]]";

    public bool RunsSteadyState => Mode is "steady" or "all";

    /// <summary>Which types each system allocates per operation (<see cref="AllocationProfile" />), instead of the timings.</summary>
    public bool RunsAllocationProfile => Mode is "alloc";

    public bool RunsColdStart => Mode is "cold" or "all";

    public static BenchArguments Parse(string[] args)
    {
        var result = new BenchArguments("all", WarmupRounds: 300, MeasuredRounds: 200, ColdLaunches: 10, ColdSystem: null);
        for (var i = 0; i < args.Length; i++)
        {
            result = args[i] switch
            {
                "steady" or "cold" or "all" or "alloc" => result with { Mode = args[i] },
                ColdStartBenchmark.ChildMode => result with { Mode = args[i], ColdSystem = Value(args, ref i) },
                "--quick" => result with { WarmupRounds = 20, WarmupSeconds = 0, MeasuredRounds = 10, ColdLaunches = 2 },
                "--warmup-seconds" => result with { WarmupSeconds = Count(args, ref i, 0) },
                "--warmup" => result with { WarmupRounds = Count(args, ref i, 0) },
                "--rounds" => result with { MeasuredRounds = Count(args, ref i, 1) },
                "--launches" => result with { ColdLaunches = Count(args, ref i, 1) },
                "--only" => result with { Only = Value(args, ref i) },
                "--systems" => result with { SystemsOnly = Value(args, ref i) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'; {Usage}")
            };
        }

        return result;
    }

    private static string Value(string[] args, ref int i)
        => ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value; {Usage}");

    private static int Count(string[] args, ref int i, int minimum)
    {
        var option = args[i];
        return int.TryParse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= minimum
            ? count
            : throw new ArgumentException($"'{option}' needs a whole number of at least {minimum}; {Usage}");
    }
}
