#pragma once
// The fast path for the nodes and edges of a graph file: fills a NodeData or EdgeData straight
// from parse events, with no tree. It accepts only items whose every field is well formed;
// anything else (an unknown or repeated field, a wrong kind, a bad date, a missing id) makes
// it give up on the item, and the loader reads that item again with the tree reader
// (item_reader.hpp), which says precisely what is wrong. For the items it accepts, both give
// the same data.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/graph.hpp"
#include "io/json/format.hpp"
#include "io/json/reader.hpp"

namespace diplograph::detail::json {

class FastItem {
 public:
  /// Starts an item at its opening brace; `node` or `edge` (exactly one) is filled.
  void begin(NodeData* node, EdgeData* edge);
  /// Feeds the item's events, its opening brace included. True when the item is closed.
  bool null();
  bool boolean(bool b);
  bool number(std::string_view text);
  bool string(std::string_view text);
  bool key(std::string_view text);
  bool start_object();
  bool end_object();
  bool start_array();
  bool end_array();
  /// After the item closed: whether it was filled completely.
  bool accepted() const noexcept { return !gave_up_; }

 private:
  using Field = format::ItemField;
  using CiteField = format::CitationField;

  bool value(Value v);  // a scalar at any depth
  bool give_up() { return gave_up_ = true, depth_ == 0; }
  bool closed() const noexcept { return depth_ == 0; }
  std::string* text_field();
  std::vector<Property>& props();
  std::vector<Citation>& sources();

  NodeData* node_ = nullptr;
  EdgeData* edge_ = nullptr;
  int depth_ = 0;
  bool gave_up_ = false;
  std::uint32_t seen_ = 0;   // fields met, a bit per Field
  Field field_ = Field::id;  // the top-level field being read: set by each key before its value
  std::size_t props_used_ = 0, sources_used_ = 0, aliases_used_ = 0;
  bool in_list_ = false;        // inside a property's list value
  List list_;                   // that list
  std::uint8_t cite_seen_ = 0;  // citation fields met
  CiteField cite_field_ = CiteField::source;
};

}  // namespace diplograph::detail::json
