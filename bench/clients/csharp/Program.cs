// The booking flow through the C# client Kiota generates from docs/openapi.json, with no hand fixes: an admin makes a
// shipper and its key; the shipper plans, books the cheapest itinerary, confirms, lists and cancels.
// Usage: CaravanFlow BASE_URL ADMIN_KEY
using Caravan.Client;
using Caravan.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

string baseUrl = args[0];
CaravanClient Client(string key)
{
    // Kiota's ApiKeyAuthenticationProvider sends keys over https only; this flow runs on loopback http, so the key
    // goes on the HttpClient (with Kiota's default middleware) instead.
    var http = KiotaClientFactory.Create();
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
    return new CaravanClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });
}

var admin = Client(args[1]);
var shipperOrg = await admin.Organisations.PostAsync(new OrganisationBody { Name = "Kiota shipper", Role = OrganisationRole.Shipper });
var key = await admin.Organisations[shipperOrg!.Id].ApiKeys.PostAsync();
Console.WriteLine($"organisation {shipperOrg.Id} ({shipperOrg.Role}, created {shipperOrg.CreatedAt:O}), key {key!.Prefix}");
var shipper = Client(key.Secret!);

var ready = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
var plan = await shipper.Plan.PostAsync(new PlanBody
{
    From = "Dostyk", To = "Aktau", ReadyTime = ready, Seed = 7,
    Cargo = new CargoBody { Containers40 = 2 },
});
var cheapest = plan!.Itineraries!.OrderBy(i => i.TotalCost).First();
Console.WriteLine($"plan: {plan.Itineraries!.Count} itineraries, seed {plan.Request!.Seed}; cheapest {cheapest.TotalCost} {plan.QuoteCurrency}, " +
                  $"departs {cheapest.Departure!.Utc:O}, arrives {cheapest.Arrival!.Utc:O}");

var booked = await shipper.Bookings.PostAsync(new BookingBody
{
    Cargo = new CargoBody { Containers40 = 2 },
    Legs = [.. cheapest.Legs!.Select(l => new BookingLegBody
    {
        Service = l.Service!.Id, Departure = l.Departure!.Utc!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), From = l.From!.Id, To = l.To!.Id,
    })],
    Reference = "KIOTA-1",
});
Console.WriteLine($"booked {booked!.Id}: {booked.Status}, {booked.QuotedPrice} {booked.Currency}, created {booked.CreatedAt:O}");

var confirmed = await shipper.Bookings[booked.Id].Confirm.PostAsync();
Console.WriteLine($"confirmed: {confirmed!.Status}");

var page = await shipper.Bookings.GetAsync(r => r.QueryParameters.Limit = 10);
Console.WriteLine($"listed: {page!.Items!.Count} booking(s), next {page.Next ?? "null"}");

var cancelled = await shipper.Bookings[booked.Id].Cancel.PostAsync();
Console.WriteLine($"cancelled: {cancelled!.Status}");

try
{
    await shipper.Bookings[booked.Id].Confirm.PostAsync();
    throw new InvalidOperationException("confirming a cancelled booking should be refused");
}
catch (HttpValidationProblemDetails problem)
{
    Console.WriteLine($"confirming again: {problem.Status} {problem.Title} (traceId {problem.TraceId})");
}
Console.WriteLine("C# (Kiota) flow: OK");
