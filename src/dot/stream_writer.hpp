#pragma once
// DOT written directly, without cgraph: for exports too large for agwrite to be quick. Same
// escaping; the tests check that Graphviz reads it back the same as agwrite's output.

#include <iosfwd>

#include "dot/diagram.hpp"

namespace diplograph::dot {

void write_streaming(const Diagram& diagram, std::ostream& out);

}  // namespace diplograph::dot
