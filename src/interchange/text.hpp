#pragma once
// Escaping for the interchange writers: each target language has its own rules.

#include <string>
#include <string_view>

#include "core/json_text.hpp"
#include "diplograph/graph.hpp"

namespace diplograph::interchange {

using detail::append_json_string;
using detail::append_json_value;

/// XML character data or attribute text. Characters XML 1.0 cannot carry (C0 controls other
/// than tab, LF and CR) become U+FFFD.
void append_xml(std::string& out, std::string_view text);
/// The citations of a fact as a JSON array of {"source","quote","stance"}.
void append_json_citations(std::string& out, const std::vector<CitationRef>& citations);
/// An N-Triples string literal, quotes included, without datatype.
void append_nt_string(std::string& out, std::string_view text);
/// Text safe inside an IRI: bytes outside unreserved and sub-delims percent-encoded.
void append_iri_text(std::string& out, std::string_view text);

}  // namespace diplograph::interchange
