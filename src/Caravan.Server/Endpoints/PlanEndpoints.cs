using Caravan.Network;
using Caravan.Planning;
using Caravan.Contracts;
using Caravan.Server.Contracts;
using Caravan.Server.Problems;
using Caravan.Server.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace Caravan.Server.Endpoints;

/// <summary>POST /plan and /quote: the planner `caravan plan` and `caravan quote` run, answering in their JSON shapes.</summary>
internal static class PlanEndpoints
{
    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Planning")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/plan", Plan).WithName("plan")
            .WithSummary("The best itineraries: fastest, cheapest, lowest CO2e and the trade-offs between")
            .WithDescription("The Pareto set over time, cost and emissions (and on-time probability with a deadline), fastest first; " +
                             "the document of `caravan plan --json` (docs/cli-json.md). No itinerary is an empty list, not an error.");
        group.MapPost("/quote", Quote).WithName("quote")
            .WithSummary("The through price of one itinerary with its breakdown")
            .WithDescription("The document of `caravan quote --json`: per leg, carrier and category, in the quote currency. " +
                             "422 when no itinerary carries the cargo.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    internal static Ok<PlanJson> Plan(PlanBody body, Planner planner, NodeLookup lookup, IClock clock)
    {
        var request = new PlanRequestReader(planner.Network, lookup, clock).Read(body);
        var result = planner.Plan(request);
        return TypedResults.Ok(PlanJson.Of(result, planner.Network));
    }

    internal static Results<Ok<QuoteJson>, ProblemHttpResult> Quote(QuoteBody body, Planner planner, NodeLookup lookup, IClock clock)
    {
        var network = planner.Network;
        var request = new PlanRequestReader(network, lookup, clock).Read(body);
        if (body.Option is < 1) throw RequestProblemException.Field("option", body.Option.ToString(), "an option number ≥ 1, as POST /plan numbers them");
        var result = planner.Plan(request);
        if (result.Itineraries.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No itinerary",
                detail: $"No itinerary carries {request.Cargo} from {request.From} to {request.To} with these constraints" +
                        (request.Constraints.IncludePlanned ? "." : "; constraints.includePlanned also tries planned routes."));
        if (body.Option is { } n && n > result.Itineraries.Count)
            throw RequestProblemException.Field("option", n.ToString(), $"an option number from 1 to {result.Itineraries.Count}, as POST /plan numbers them");
        return TypedResults.Ok(QuoteJson.Of(ItineraryQuote.For(result, body.Option), result, network));
    }
}
