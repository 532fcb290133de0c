#include "graph/assembler.hpp"

namespace diplograph {

GraphBuilder::GraphBuilder(Schema schema) : impl_(std::make_unique<detail::Assembler>(std::move(schema))) {}
GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;

void GraphBuilder::add_node(NodeData node) { impl_->add_node(std::move(node)); }
void GraphBuilder::add_edge(EdgeData edge) { impl_->add_edge(std::move(edge)); }

Graph GraphBuilder::build() {
  detail::Assembler assembler(impl_->schema());
  std::swap(assembler, *impl_);
  if (auto graph = assembler.finish()) return std::move(*graph);
  std::vector<Diagnostic> diagnostics;
  for (const auto& p : assembler.problems()) diagnostics.push_back({p.code, {}, p.message});
  throw Error(std::move(diagnostics));
}

}  // namespace diplograph
