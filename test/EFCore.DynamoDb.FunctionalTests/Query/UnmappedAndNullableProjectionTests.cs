using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Projections over a nullable <see cref="DateTimeOffset" /> guarded by a null check, and aggregates over a property
///     the model ignores (refused at translation: its value is never stored, so there is nothing to fold).
/// </summary>
public class UnmappedAndNullableProjectionTests : IClassFixture<UnmappedAndNullableProjectionTests.Fixture>
{
    private readonly Fixture _fixture;

    public UnmappedAndNullableProjectionTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_null_checked_nullable_DateTimeOffset_projects_null_or_its_date(bool async)
    {
        await using var db = _fixture.CreateContext();
        var query = db.Deliveries.Where(d => d.Route == "north")
            .Select(d => new { d.Stop, Day = d.DeliveredAt == null ? (DateTime?)null : d.DeliveredAt.Value.DateTime.Date });

        var days = async ? await query.ToListAsync() : query.ToList();

        Assert.Equal([(1, (DateTime?)new DateTime(2024, 3, 5)), (2, null), (3, new DateTime(2024, 3, 7))], days.Select(d => (d.Stop, d.Day)));
        Assert.Contains("Projection:", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_aggregate_over_an_ignored_property_is_refused_at_translation(bool async)
    {
        await using var db = _fixture.CreateContext();

        var error = async
            ? await Assert.ThrowsAsync<InvalidOperationException>(() => db.Deliveries.AverageAsync(d => d.EstimatedMinutes))
            : Assert.Throws<InvalidOperationException>(() => db.Deliveries.Average(d => d.EstimatedMinutes));
        var sumError = Assert.Throws<InvalidOperationException>(() => db.Deliveries.Select(d => d.EstimatedMinutes).Sum());

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
        Assert.Contains("Translation of member 'EstimatedMinutes' on entity type 'Delivery' failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("'EstimatedMinutes'", sumError.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task A_projection_of_an_ignored_property_runs_on_the_client()
    {
        await using var db = _fixture.CreateContext();

        var minutes = await db.Deliveries.Where(d => d.Route == "north").Select(d => d.EstimatedMinutes).ToListAsync();

        Assert.Equal([null, null, null], minutes);
    }

    public class Fixture() : DynamoDbFixture<DeliveryContext>("deliveries", options => new DeliveryContext(options))
    {
        protected override Task SeedAsync(DeliveryContext context)
        {
            context.Deliveries.AddRange(
                new Delivery { Route = "north", Stop = 1, DeliveredAt = new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero) },
                new Delivery { Route = "north", Stop = 2 },
                new Delivery { Route = "north", Stop = 3, DeliveredAt = new DateTimeOffset(2024, 3, 7, 16, 0, 0, TimeSpan.Zero) });
            return context.SaveChangesAsync();
        }
    }

    public class DeliveryContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Delivery> Deliveries => Set<Delivery>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Delivery>(delivery =>
            {
                delivery.HasPartitionKey(d => d.Route);
                delivery.HasSortKey(d => d.Stop);
                delivery.Ignore(d => d.EstimatedMinutes);
            });
    }

    public class Delivery
    {
        public string Route { get; set; } = null!;

        public int Stop { get; set; }

        public DateTimeOffset? DeliveredAt { get; set; }

        public int? EstimatedMinutes { get; set; }
    }
}
