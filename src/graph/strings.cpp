#include <utility>

#include "core/bytes.hpp"
#include "graph/graph_impl.hpp"

namespace diplograph::detail {

std::uint32_t Strings::hash(std::string_view text) noexcept { return static_cast<std::uint32_t>(hash_bytes(text)); }

// The slot holding `text`, or the empty slot where it would go.
std::size_t Strings::slot_of(std::string_view text, std::uint32_t hash) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == no_string || (s.hash == hash && same_bytes(view(s.id), text))) return i;
  }
}

void Strings::grow(std::size_t slots) {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots));
  for (const Slot& s : old)
    if (s.id != no_string) {
      std::size_t i = s.hash & (slots - 1);
      while (slots_[i].id != no_string) i = (i + 1) & (slots - 1);
      slots_[i] = s;
    }
}

StrId Strings::intern(std::string_view text, std::uint32_t hash) {
  if (4 * (size() + 1) > 3 * slots_.size()) grow(slots_.empty() ? 16 : 2 * slots_.size());
  Slot& slot = slots_[slot_of(text, hash)];
  if (slot.id != no_string) return slot.id;
  if (text_.size() + text.size() > UINT32_MAX || size() + 1 >= no_string)
    throw Error(ErrorCode::value, "too much text for one graph (the limit is 4 GiB of distinct strings)");
  text_.append(text);
  slot = Slot{hash, static_cast<StrId>(size())};
  ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  return slot.id;
}

void Strings::prefetch_slot(std::uint32_t hash) const noexcept {
  if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
}

void Strings::prefetch_bounds(std::uint32_t hash) const noexcept {
  if (slots_.empty()) return;
  const Slot& s = slots_[hash & (slots_.size() - 1)];
  if (s.id != no_string) __builtin_prefetch(&ends_[s.id]);
}

StrId Strings::find(std::string_view text) const noexcept {
  if (slots_.empty()) return no_string;
  return slots_[slot_of(text, hash(text))].id;
}

}  // namespace diplograph::detail
