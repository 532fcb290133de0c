#pragma once
// Escaping for the interchange writers: each target language has its own rules.

#include <string>
#include <string_view>

#include "diplograph/graph.hpp"

namespace diplograph::interchange {

/// XML character data or attribute text. Characters XML 1.0 cannot carry (C0 controls other
/// than tab, LF and CR) become U+FFFD.
void append_xml(std::string& out, std::string_view text);
/// A JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);
/// A value as JSON: strings and dates quoted, lists as arrays.
void append_json_value(std::string& out, const Value& value);
/// The citations of a fact as a JSON array of {"source","quote","stance"}.
void append_json_citations(std::string& out, const std::vector<CitationRef>& citations);
/// An N-Triples string literal, quotes included, without datatype.
void append_nt_string(std::string& out, std::string_view text);
/// Text safe inside an IRI: bytes outside unreserved and sub-delims percent-encoded.
void append_iri_text(std::string& out, std::string_view text);
/// Shortest round-trip text of a double.
std::string real_text(double value);

}  // namespace diplograph::interchange
