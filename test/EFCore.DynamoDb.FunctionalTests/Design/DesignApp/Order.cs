namespace DesignApp;

public class Order
{
    public string CustomerId { get; set; } = "";

    /// <summary>Region and number joined with #, computed when the order is added.</summary>
    public string OrderKey { get; private set; } = null!;

    public string Region { get; set; } = "";

    public int Number { get; set; }

    public string Status { get; set; } = "";

    public decimal Total { get; set; }

    public long ExpiresAt { get; set; }
}
