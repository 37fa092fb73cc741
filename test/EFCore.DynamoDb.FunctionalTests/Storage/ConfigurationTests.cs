using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary><c>UseDynamoDb(IConfiguration)</c>: the options of an <c>appsettings.json</c> section, checked at startup.</summary>
public class ConfigurationTests
{
    private readonly DynamoDbTestStore _store = new("config");

    [Fact]
    public async Task Every_option_is_read_from_the_section()
    {
        var section = Section(
            ("ServiceUrl", DynamoDbTestServer.ServiceUrl),
            ("Region", "eu-west-1"),
            ("AccessKey", "cfg"),
            ("SecretKey", "cfg"),
            ("TableNamePrefix", _store.TablePrefix),
            ("ScanBehavior", "allow"),
            ("ConflictMode", "Overwrite"),
            ("MaxRetryCount", "2"),
            ("MaxRetryDelay", "00:00:01"),
            ("RequestTimeout", "00:00:05"));
        var options = new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders().UseDynamoDb(section).Options;
        var extension = options.FindExtension<DynamoDbOptionsExtension>()!;

        Assert.Equal(DynamoDbTestServer.ServiceUrl, extension.ServiceUrl);
        Assert.Equal("eu-west-1", extension.Region);
        Assert.Equal(("cfg", "cfg"), (extension.AccessKey, extension.SecretKey));
        Assert.Equal(ScanBehavior.Allow, extension.ScanBehavior);
        Assert.Equal(ConflictMode.Overwrite, extension.ConflictMode);
        Assert.NotNull(extension.ExecutionStrategyFactory);
        Assert.Equal(TimeSpan.FromSeconds(5), extension.RequestTimeout);

        await using var db = new GameContext(options);
        Assert.True(await db.Database.EnsureCreatedAsync());
        Assert.Equal(0, await db.GameScores.CountAsync());
        var tables = (await db.Database.GetDynamoClient().ListTablesAsync()).TableNames;
        Assert.Contains(tables, n => n.StartsWith(_store.TablePrefix, StringComparison.Ordinal));
        await db.Database.EnsureDeletedAsync();
    }

    [Fact]
    public void The_action_runs_after_the_section_and_missing_keys_keep_their_defaults()
    {
        var options = new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders()
            .UseDynamoDb(Section(("TableNamePrefix", "cfg-")), o => o.TableNamePrefix("code-"))
            .Options;
        var extension = options.FindExtension<DynamoDbOptionsExtension>()!;

        Assert.Equal("code-", extension.TableNamePrefix);
        Assert.Null(extension.ServiceUrl);
        Assert.Equal(ScanBehavior.Warn, extension.ScanBehavior);
        Assert.Null(extension.ExecutionStrategyFactory);
    }

    [Fact]
    public void A_region_from_the_section_selects_the_endpoint()
    {
        using var db = new GameContext(new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders().UseDynamoDb(Section(("Region", "ap-southeast-2"))).Options);

        Assert.Equal(Amazon.RegionEndpoint.APSoutheast2, ((AmazonDynamoDBClient)db.Database.GetDynamoClient()).Config.RegionEndpoint);
    }

    [Theory]
    [InlineData("ServiceUrl", "localhost:8000")]
    [InlineData("ServiceUrl", "ftp://localhost")]
    [InlineData("Region", "Europe West")]
    [InlineData("Region", "eu-west")]
    [InlineData("TableNamePrefix", "bad prefix!")]
    [InlineData("ScanBehavior", "Sometimes")]
    [InlineData("ConflictMode", "1")]
    [InlineData("MaxRetryCount", "-1")]
    [InlineData("MaxRetryCount", "many")]
    [InlineData("MaxRetryDelay", "-00:00:01")]
    [InlineData("RequestTimeout", "00:00:00")]
    [InlineData("RequestTimeout", "-00:00:01")]
    [InlineData("RequestTimeout", "soon")]
    public void A_bad_value_is_an_error_naming_the_key_and_the_value(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DbContextOptionsBuilder().UseDynamoDb(Section((key, value))));

        Assert.Contains("'DynamoDb:" + key + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'" + value + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_access_key_without_a_secret_key_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DbContextOptionsBuilder().UseDynamoDb(Section(("AccessKey", "only"))));

        Assert.Contains("'DynamoDb:AccessKey'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'DynamoDb:SecretKey'", error.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] values)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("DynamoDb:" + v.Key, v.Value)))
            .Build()
            .GetSection("DynamoDb");
}
