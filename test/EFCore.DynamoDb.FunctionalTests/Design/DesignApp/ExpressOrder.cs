namespace DesignApp;

public class ExpressOrder : Order
{
    public int Priority { get; set; }
}
