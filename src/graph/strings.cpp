#include "graph/graph_impl.hpp"

namespace diplograph::detail {

StrId Strings::intern(std::string_view text) {
  if (auto it = index_.find(text); it != index_.end()) return it->second;
  // Strings are packed into 64 KiB blocks that never move, so views stay valid.
  constexpr std::size_t block_size = 64 * 1024;
  if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < text.size()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(block_size, text.size()));
  }
  std::string& block = blocks_.back();
  const std::size_t offset = block.size();
  block.append(text);
  const std::string_view stored(block.data() + offset, text.size());
  const auto id = static_cast<StrId>(views_.size());
  views_.push_back(stored);
  index_.emplace(stored, id);
  return id;
}

StrId Strings::find(std::string_view text) const noexcept {
  auto it = index_.find(text);
  return it == index_.end() ? no_string : it->second;
}

}  // namespace diplograph::detail

namespace diplograph::detail {

Strings& Strings::operator=(const Strings& other) {
  if (this == &other) return *this;
  blocks_.clear();
  views_.clear();
  index_.clear();
  for (std::string_view v : other.views_) intern(v);
  return *this;
}

}  // namespace diplograph::detail
