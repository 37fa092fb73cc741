using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Includes whose keys are binary: a <c>byte[]</c> is compared by its bytes, as EF Core compares keys, so a principal
///     shared by several dependents is read once (DynamoDB refuses a BatchGetItem listing a key twice) and linked to each.
/// </summary>
public class BinaryKeyIncludeTests(BinaryKeyIncludeTests.Fixture fixture) : IClassFixture<BinaryKeyIncludeTests.Fixture>
{
    private static readonly byte[] DeviceA = [1, 2, 3];
    private static readonly byte[] DeviceB = [4, 5];

    private RequestRecorder Recorder { get; } = Init(fixture);

    private static RequestRecorder Init(Fixture fixture)
    {
        fixture.Store.Recorder.Clear();
        return fixture.Store.Recorder;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_principal_with_a_binary_key_shared_by_several_dependents_is_read_once_and_linked_to_each(bool tracking)
    {
        await using var db = fixture.CreateContext();
        var query = db.Readings.Where(r => r.Site == "north").Include(r => r.Device);

        var readings = await (tracking ? query : query.AsNoTracking()).ToListAsync();

        Assert.Equal(3, readings.Count);
        Assert.All(readings, r => Assert.Equal(r.DeviceId, r.Device!.Id));
        Assert.Same(readings.Single(r => r.Seq == 1).Device, readings.Single(r => r.Seq == 2).Device);
        Assert.Equal(["Query", "BatchGetItem"], Recorder.Operations);
        Assert.Equal(
            "Keys: 2",
            Recorder.Requests.Single(r => r.EventId == DynamoDbEventId.RequestExecuted && r.Operation == "BatchGetItem").Expressions.Split(';')[0]);
    }

    public class Device
    {
        public byte[] Id { get; set; } = null!;

        public string Name { get; set; } = null!;
    }

    public class Reading
    {
        public string Site { get; set; } = null!;

        public int Seq { get; set; }

        public byte[] DeviceId { get; set; } = null!;

        public Device? Device { get; set; }
    }

    public class SensorContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Reading> Readings => Set<Reading>();

        public DbSet<Device> Devices => Set<Device>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Device>(d => d.HasPartitionKey(x => x.Id));
            modelBuilder.Entity<Reading>(r =>
            {
                r.HasPartitionKey(x => x.Site).HasSortKey(x => x.Seq);
                r.HasOne(x => x.Device).WithMany().HasForeignKey(x => x.DeviceId);
            });
        }
    }

    public class Fixture() : DynamoDbFixture<SensorContext>("binaryinclude", options => new SensorContext(options))
    {
        protected override async Task SeedAsync(SensorContext context)
        {
            context.Devices.AddRange(new Device { Id = DeviceA, Name = "a" }, new Device { Id = DeviceB, Name = "b" });
            context.Readings.AddRange(
                new Reading { Site = "north", Seq = 1, DeviceId = [1, 2, 3] },
                new Reading { Site = "north", Seq = 2, DeviceId = [1, 2, 3] },
                new Reading { Site = "north", Seq = 3, DeviceId = [4, 5] });
            await context.SaveChangesAsync();
        }
    }
}
