// The booking flow with types openapi-typescript generates from docs/openapi.json (schema.d.ts) and plain fetch, with
// no hand fixes: an admin makes a shipper and its key; the shipper plans, books the cheapest itinerary, confirms,
// lists and cancels. tsc checks that every field used is typed (money as number, not unknown).
// Usage: node flow.js BASE_URL ADMIN_KEY
import type { components, paths } from "./schema.js";

type Schemas = components["schemas"];
type Ok<P extends keyof paths, M extends keyof paths[P], S extends number> =
  paths[P][M] extends { responses: { [K in S]: { content: { "application/json": infer T } } } } ? T : never;
type Problem = Schemas["ProblemDetails"] | Schemas["HttpValidationProblemDetails"];

const [baseUrl, adminKey] = process.argv.slice(2);

async function call<T>(key: string, method: string, path: string, expected: number, body?: unknown): Promise<T> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = response.status === 204 ? null : await response.json();
  if (response.status !== expected) {
    const problem = json as Problem;
    throw new Error(`${method} ${path}: ${problem.status} ${problem.title}: ${problem.detail} (traceId ${problem.traceId})`);
  }
  return json as T;
}

const organisation: Schemas["OrganisationBody"] = { name: "TypeScript shipper", role: "shipper" };
const shipperOrg = await call<Ok<"/organisations", "post", 201>>(adminKey, "POST", "/organisations", 201, organisation);
const key = await call<Ok<"/organisations/{id}/api-keys", "post", 201>>(adminKey, "POST", `/organisations/${shipperOrg.id}/api-keys`, 201);
console.log(`organisation ${shipperOrg.id} (${shipperOrg.role}, created ${new Date(shipperOrg.createdAt).toISOString()}), key ${key.prefix}`);
const shipperKey = key.secret ?? "";

const ready = new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
const question: Schemas["PlanBody"] = { from: "Dostyk", to: "Aktau", cargo: { containers40: 2 }, readyTime: ready, seed: 7 };
const plan = await call<Ok<"/plan", "post", 200>>(shipperKey, "POST", "/plan", 200, question);
const cheapest = [...plan.itineraries].sort((a, b) => a.totalCost - b.totalCost)[0];
console.log(`plan: ${plan.itineraries.length} itineraries, seed ${plan.request.seed}; cheapest ${cheapest.totalCost.toFixed(2)} ${plan.quoteCurrency}, ` +
  `departs ${cheapest.departure.utc}, arrives ${cheapest.arrival.utc}`);

const booking: Schemas["BookingBody"] = {
  cargo: { containers40: 2 },
  legs: cheapest.legs.map((l) => ({ service: l.service.id, departure: l.departure.utc, from: l.from.id, to: l.to.id })),
  reference: "TS-1",
};
const booked = await call<Ok<"/bookings", "post", 201>>(shipperKey, "POST", "/bookings", 201, booking);
console.log(`booked ${booked.id}: ${booked.status}, ${booked.quotedPrice.toFixed(2)} ${booked.currency}, created ${booked.createdAt}`);

const confirmed = await call<Ok<"/bookings/{id}/confirm", "post", 200>>(shipperKey, "POST", `/bookings/${booked.id}/confirm`, 200);
console.log(`confirmed: ${confirmed.status}`);

const page = await call<Ok<"/bookings", "get", 200>>(shipperKey, "GET", "/bookings?limit=10", 200);
console.log(`listed: ${page.items.length} booking(s), next ${page.next ?? "null"}`);

const cancelled = await call<Ok<"/bookings/{id}/cancel", "post", 200>>(shipperKey, "POST", `/bookings/${booked.id}/cancel`, 200);
console.log(`cancelled: ${cancelled.status}`);

const again = await call<Schemas["HttpValidationProblemDetails"]>(shipperKey, "POST", `/bookings/${booked.id}/confirm`, 409);
console.log(`confirming again: ${again.status} ${again.title} (traceId ${again.traceId})`);
console.log("TypeScript (openapi-typescript) flow: OK");
