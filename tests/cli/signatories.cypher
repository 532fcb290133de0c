// Who signed what, oldest first.
MATCH (s:State)-[r:SIGNATORY]->(a:Agreement)
RETURN r.date AS signed, s.label AS state, a.label AS agreement
ORDER BY signed, state
