using System.Globalization;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>
///     The deterministic Northwind seed: 90 customers in 15 cities, 816 orders ( 3 to 15 a customer, with unique dates),
///     77 products in 8 categories. Tests evaluate the same LINQ over these lists to get the expected results.
/// </summary>
public sealed class NorthwindData : ISetSource
{
    private static readonly (string City, string Country, string? Region)[] Cities =
    [
        ("Berlin", "Germany", null), ("México D.F.", "Mexico", null), ("London", "UK", null), ("Luleå", "Sweden", null),
        ("Mannheim", "Germany", null), ("Strasbourg", "France", null), ("Madrid", "Spain", null), ("Marseille", "France", null),
        ("Tsawassen", "Canada", "BC"), ("Buenos Aires", "Argentina", null), ("Bern", "Switzerland", null), ("São Paulo", "Brazil", "SP"),
        ("Seattle", "USA", "WA"), ("Portland", "USA", "OR"), ("Lander", "USA", "WY")
    ];

    private static readonly string[] CompanyWords =
        ["Alfreds", "Ana", "Antonio", "Around", "Berglunds", "Blauer", "Blondel", "Bólido", "Bon", "Bottom", "Cactus", "Centro"];

    private static readonly string[] CompanyKinds = ["Futterkiste", "Trujillo", "Moreno", "the Horn", "snabbköp", "See", "père", "Comidas", "app'", "Dollar"];

    private static readonly string[] FirstNames = ["Maria", "Ana", "Antonio", "Thomas", "Christina", "Hanna", "Frédérique", "Martín", "Laurence", "Elizabeth"];

    private static readonly string[] LastNames = ["Anders", "Trujillo", "Moreno", "Hardy", "Berglund", "Moos", "Citeaux", "Sommer", "Lebihan", "Lincoln", "Ashworth"];

    private static readonly string[] ProductWords =
        ["Chai", "Chang", "Aniseed Syrup", "Cajun Seasoning", "Gumbo Mix", "Boysenberry Spread", "Dried Pears", "Cranberry Sauce", "Kobe Niku", "Ikura", "Queso"];

    public static NorthwindData Instance { get; } = new();

    private NorthwindData()
    {
        for (var i = 1; i <= 90; i++)
        {
            var (city, country, region) = Cities[(i * 7) % Cities.Length];
            Customers.Add(new Customer
            {
                CustomerId = "C" + i.ToString("D3", CultureInfo.InvariantCulture),
                CompanyName = $"{CompanyWords[i % CompanyWords.Length]} {CompanyKinds[(i / 3) % CompanyKinds.Length]} {i}",
                ContactName = $"{FirstNames[i % FirstNames.Length]} {LastNames[(i * 3) % LastNames.Length]}",
                City = city,
                Country = country,
                Region = region,
                Phone = $"0{i % 9}-{1000 + i * 37}"
            });
        }

        var start = new DateTime(1996, 7, 4, 0, 0, 0, DateTimeKind.Utc);
        var orderNumber = 0;
        foreach (var customer in Customers)
        {
            var index = int.Parse(customer.CustomerId[1..], CultureInfo.InvariantCulture);
            var count = 3 + (index * 7 % 13);
            for (var n = 0; n < count; n++, orderNumber++)
            {
                var orderDate = start.AddHours(orderNumber * 19L + index);
                var (shipCity, shipCountry, _) = orderNumber % 11 == 0 ? Cities[orderNumber % Cities.Length] : (customer.City, customer.Country, null);
                Orders.Add(new Order
                {
                    CustomerId = customer.CustomerId,
                    OrderDate = orderDate,
                    OrderId = 10248 + orderNumber,
                    EmployeeId = 1 + (orderNumber * 7 % 9),
                    Freight = (orderNumber * 37 % 1000) / 10m + (orderNumber % 3) * 0.25m,
                    ShipCity = shipCity,
                    ShipCountry = shipCountry,
                    ShippedDate = orderNumber % 7 == 0 ? null : orderDate.AddDays(1 + orderNumber % 10),
                    ShipVia = (Shipper)(1 + orderNumber % 3)
                });
            }
        }

        for (var id = 1; id <= 77; id++)
        {
            Products.Add(new Product
            {
                ProductId = id,
                ProductName = $"{ProductWords[id % ProductWords.Length]} {id}",
                UnitPrice = id * 13 % 97 + 0.25m * (id % 4) + 2.5m,
                UnitsInStock = (short)(id * 11 % 125),
                Discontinued = id % 9 == 0,
                CategoryId = 1 + id % 8
            });
        }
    }

    public List<Customer> Customers { get; } = [];

    public List<Order> Orders { get; } = [];

    public List<Product> Products { get; } = [];

    public IQueryable<TEntity> Entities<TEntity>()
        where TEntity : class
        => (IQueryable<TEntity>)(typeof(TEntity) == typeof(Customer) ? Customers.AsQueryable()
            : typeof(TEntity) == typeof(Order) ? Orders.AsQueryable()
            : typeof(TEntity) == typeof(Product) ? (object)Products.AsQueryable()
            : throw new InvalidOperationException(typeof(TEntity).Name));
}
