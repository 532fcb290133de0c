// The Kùzu oracle's corpus: read queries inside what openCypher, Kùzu and diplograph share.
// Run by oracle.js on the shipped graph (graph-data/) and on a small generated graph; the
// directives (@graphs, @ordered, @needs, @kuzu, @deviation) are explained there.
// Kùzu has no type hierarchy (one table per concrete type), so the queries name concrete types.
//
// Kùzu deviations from openCypher met while writing it (noted at the queries they touch):
// - variable-length patterns: Kùzu's default semantics is WALK (a relationship may repeat within
//   one path, so `(a)-[:T*1..2]-(b)` returns a itself by going out and back along one edge);
//   openCypher's is TRAIL. Kùzu spells TRAIL `-[:T* TRAIL 1..2]-`, so every variable-length query
//   carries a @kuzu line with it.
// - relationship uniqueness across the comma-separated patterns of one MATCH: openCypher never
//   binds one relationship twice in a MATCH; Kùzu does.
// - sum() over no non-null values: openCypher (and Neo4j) give 0; Kùzu gives null.
// The diplograph bugs it found before the openCypher engine (two MATCH clauses sharing
// relationship uniqueness; ORDER BY misordering ties on the first key) are fixed; their queries
// stay here as regression checks.

// all states
MATCH (s:State) RETURN s.id

// states in id order
// @ordered
MATCH (s:State) RETURN s.id, s.label ORDER BY s.id

// states in reverse id order
// @ordered
MATCH (s:State) RETURN s.id ORDER BY s.id DESC

// top five states by id
// @ordered
MATCH (s:State) RETURN s.id ORDER BY s.id LIMIT 5

// count of states
MATCH (s:State) RETURN count(*)

// count of a type with no match
MATCH (s:State {id: 'nowhere'}) RETURN count(*)

// people
MATCH (p:Person) RETURN p.id, p.label

// sources and their optional title (null when absent)
MATCH (s:Source) RETURN s.id, s.title

// property map on a node
// @graphs shipped
MATCH (s:State {id: 'russia'}) RETURN s.label, s.iso3

// signatories of agreements
MATCH (a:State)-[:SIGNATORY]->(x:Agreement) RETURN a.id, x.id

// events Azerbaijan acted in, typed end
// @graphs shipped
MATCH (a:State {id: 'azerbaijan'})-[:ACTOR]->(e:Measure) RETURN e.id

// incoming direction
MATCH (e:Incident)<-[:ACTOR]-(a:State) RETURN e.id, a.id

// either direction
MATCH (a:State)-[:ACTOR]-(e:Incident) RETURN a.id, e.id

// relationship type alternatives
MATCH (a:State)-[:ACTOR|RECIPIENT]->(e:Measure) RETURN a.id, e.id

// memberships
MATCH (a:State)-[:MEMBER_OF]->(o:IntergovernmentalOrganization) RETURN a.id, o.id

// a relationship property
MATCH (p:Person)-[h:HOLDS_OFFICE]->(x) RETURN p.id, x.id, h.office

// a relationship property map
MATCH (x)-[r:AUTHORED {role: 'author'}]->(s:Source) RETURN x.id, s.id

// relationship property in WHERE
MATCH (x)-[r:AUTHORED]->(s:Source) WHERE r.role = 'publisher' RETURN x.id, s.id

// relationship id
MATCH (a:State)-[r:SIGNATORY]->(x:Agreement) RETURN r.id

// unlabelled start node
MATCH (x)-[:SIGNATORY]->(y) RETURN x.id, y.id

// unlabelled both ends
MATCH (x)-[:PART_OF]->(y) RETURN x.id, y.id

// CONTAINS
MATCH (d:Development) WHERE d.label CONTAINS 'crisis' RETURN d.id

// STARTS WITH
MATCH (s:State) WHERE s.id STARTS WITH 'a' RETURN s.id

// ENDS WITH
MATCH (s:State) WHERE s.id ENDS WITH 'a' RETURN s.id

// IN a list
MATCH (s:State) WHERE s.id IN ['azerbaijan', 'russia', 'armenia', 'nowhere'] RETURN s.id

// OR
MATCH (s:State) WHERE s.id = 'russia' OR s.iso3 = 'AZE' RETURN s.id

// AND
MATCH (s:State) WHERE s.id STARTS WITH 'a' AND s.id CONTAINS 'r' RETURN s.id

// NOT
MATCH (s:State) WHERE NOT s.id STARTS WITH 'a' RETURN s.id

// inequality
MATCH (s:State) WHERE s.id <> 'russia' RETURN s.id

// string ordering comparison
MATCH (s:State) WHERE s.id < 'c' RETURN s.id

// integer comparison
MATCH (e:Incident) WHERE e.fatalities > 0 RETURN e.id, e.fatalities

// IS NULL
MATCH (s:State) WHERE s.iso3 IS NULL RETURN s.id

// IS NOT NULL
MATCH (s:Source) WHERE s.title IS NOT NULL RETURN s.id

// list property
MATCH (e:Incident) RETURN e.id, e.contexts

// dates come out as text with their precision
MATCH (e:Incident) RETURN e.id, e.date

// enum property
MATCH (m:Measure) WHERE m.category = 'COERCE' RETURN m.id

// DISTINCT
MATCH (a:State)-[:ACTOR]->(e) RETURN DISTINCT a.id

// DISTINCT over two columns
MATCH (a:State)-[:ACTOR]->(e)-[:LOCATED_IN]->(p:Place) RETURN DISTINCT a.id, p.id

// alias
MATCH (s:State) RETURN s.id AS id

// two hops with an unlabelled middle node
MATCH (a:State)-[:ACTOR]->(e)-[:LOCATED_IN]->(p:Place) RETURN a.id, e.id, p.id

// three hops
MATCH (a)-[:ACTOR]->(e)-[:CAUSED]->(f)-[:CAUSED]->(g) RETURN a.id, e.id, f.id, g.id

// two patterns in one MATCH
MATCH (a:State)-[:ACTOR]->(e), (e)-[:LOCATED_IN]->(p) RETURN a.id, e.id, p.id

// two MATCH clauses
// @graphs shipped
MATCH (a:State {id: 'russia'}) MATCH (a)-[:ACTOR]->(e) RETURN e.id

// two MATCH clauses, disconnected (each MATCH has its own relationship uniqueness)
MATCH (a:State)-[:SIGNATORY]->(b) MATCH (c:State)-[:SIGNATORY]->(d) RETURN count(*)

// cartesian product
MATCH (a:Company), (b:Media) RETURN a.id, b.id

// the same pattern twice shares relationship uniqueness within one MATCH
// @deviation Kùzu binds one relationship to both patterns of a MATCH (a = b rows)
MATCH (a)-[:SIGNATORY]->(x), (b)-[:SIGNATORY]->(x) RETURN a.id, b.id, x.id

// a node reached from both sides
MATCH (a:State)-[:SIGNATORY]->(x:Agreement)<-[:SIGNATORY]-(b:State) WHERE a.id < b.id RETURN a.id, b.id, x.id

// undirected between states
MATCH (a:State)-[r]-(b:State) RETURN a.id, b.id

// any relationship type out of states
MATCH (a:State)-[r]->(b:Place) RETURN a.id, b.id

// variable length, bounded
// @kuzu MATCH (a:Incident)-[:CAUSED* TRAIL 1..2]->(b) RETURN a.id, b.id
MATCH (a:Incident)-[:CAUSED*1..2]->(b) RETURN a.id, b.id

// variable length, exact
// @kuzu MATCH (a:Development)-[:CAUSED* TRAIL 2]->(b) RETURN a.id, b.id
MATCH (a:Development)-[:CAUSED*2]->(b) RETURN a.id, b.id

// variable length, count
// @kuzu MATCH (a)-[:PART_OF* TRAIL 1..3]->(b) RETURN count(*)
MATCH (a)-[:PART_OF*1..3]->(b) RETURN count(*)

// variable length, both directions
// @graphs shipped
// @kuzu MATCH (a:State {id: 'azerbaijan'})-[:MEMBER_OF* TRAIL 1..2]-(b) RETURN DISTINCT b.id
MATCH (a:State {id: 'azerbaijan'})-[:MEMBER_OF*1..2]-(b) RETURN DISTINCT b.id

// variable length from zero
// @graphs shipped
// @kuzu MATCH (a:State {id: 'russia'})-[:PART_OF* TRAIL 0..1]->(b) RETURN b.id
MATCH (a:State {id: 'russia'})-[:PART_OF*0..1]->(b) RETURN b.id

// variable length over any type
// @graphs shipped
// @kuzu MATCH (a:State {id: 'armenia'})-[* TRAIL 1..2]->(b:Place) RETURN DISTINCT b.id
MATCH (a:State {id: 'armenia'})-[*1..2]->(b:Place) RETURN DISTINCT b.id

// count per group
MATCH (a:State)-[:ACTOR]->(e) RETURN a.id, count(*)

// ORDER BY an aggregate
// @ordered
MATCH (a:State)-[:ACTOR]->(e) RETURN a.id, count(*) AS n ORDER BY n DESC, a.id

// ORDER BY two keys
// @ordered
// @graphs shipped
MATCH (x)-[r:AUTHORED]->(s:Source) RETURN r.role, x.id, s.id ORDER BY r.role, x.id, s.id

// SKIP and LIMIT
// @ordered
MATCH (s:State) RETURN s.id ORDER BY s.id SKIP 3 LIMIT 4

// arithmetic
MATCH (e:Incident) WHERE e.fatalities IS NOT NULL RETURN e.id, e.fatalities * 2 + 1

// RETURN *
// @graphs shipped
MATCH (s:State {id: 'russia'}) RETURN s.iso3

// statements and what they respond to
MATCH (e:Statement)-[:RESPONDED_TO]->(x) RETURN e.id, x.id

// WITH and a filter on an aggregate
MATCH (a:State)-[:ACTOR]->(e) WITH a, count(*) AS c WHERE c > 2 RETURN a.id, c

// WITH as a pipeline
MATCH (s:State) WITH s ORDER BY s.id LIMIT 3 MATCH (s)-[:ACTOR]->(e) RETURN s.id, e.id

// OPTIONAL MATCH keeps unmatched rows
MATCH (s:State) OPTIONAL MATCH (s)-[:MEMBER_OF]->(o) RETURN s.id, o.id

// collect
MATCH (a:State)-[:SIGNATORY]->(x) RETURN x.id, collect(a.id)

// min and max
MATCH (s:State) RETURN min(s.id), max(s.id)

// sum and avg
// @deviation Kùzu's sum() over only nulls is null; openCypher and Neo4j give 0
// @graphs shipped
MATCH (e:Incident) RETURN sum(e.fatalities)

// count DISTINCT
MATCH (a:State)-[:ACTOR]->(e) RETURN count(DISTINCT a)

// UNWIND
UNWIND [1, 2, 3] AS x RETURN x

// size of a list property
MATCH (e:Incident) RETURN e.id, size(e.contexts)
