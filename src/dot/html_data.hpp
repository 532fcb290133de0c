#pragma once
// The interactive page's data: the graph's nodes, edges and cited sources as one JSON text,
// and that text made safe to sit inside a <script type="application/json"> element.

#include <string>
#include <string_view>

#include "diplograph/graph.hpp"

namespace diplograph::dot {

/// {"nodes": [...], "edges": [...], "sources": [...]}: per node and edge (node i is
/// the SVG's `dgn<i>`, edge i its `dge<i>`) the id, type, label, aliases, folded names (nodes),
/// ends (edges, as node indexes), dates as text, modality, properties as [name, value] pairs,
/// citations, and `time`: {"lo": first day, "hi": last day, "point": a `date` rather than
/// start/end}, days since 1970-01-01, a bound missing when open; no `time` when undated. Per
/// cited source, sorted by id: its id, label, date, title, author and publisher as found in
/// `sources`. Deterministic.
std::string page_data_json(const Graph& graph, const Graph& sources);

/// `json` with every `<`, `>` and `&` written as \u003c, \u003e, \u0026 and U+2028/U+2029 as
/// \u2028/\u2029, so that no byte sequence in it can end the script element or open a comment
/// in it, and any JavaScript reader takes it whole. Those characters only occur inside JSON
/// strings, where the escapes mean the same characters.
std::string script_safe_json(std::string_view json);

}  // namespace diplograph::dot
