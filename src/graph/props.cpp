// Property values in their compact form (PropSlot) and back.
#include <array>
#include <cstring>

#include "core/value_access.hpp"
#include "graph/graph_impl.hpp"

namespace diplograph::detail {

namespace {

PropSlot slot(std::uint32_t name, SlotKind kind, std::uint32_t lo = 0, std::uint32_t hi = 0) {
  PropSlot s{};
  s.name = name;
  s.kind = static_cast<std::uint32_t>(kind);
  s.lo = lo;
  s.hi = hi;
  return s;
}

// Eight payload bytes of an integer or a real across lo and hi.
template <class T>
PropSlot inline_slot(std::uint32_t name, SlotKind kind, T value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return slot(name, kind, static_cast<std::uint32_t>(bits), static_cast<std::uint32_t>(bits >> 32));
}

template <class T>
T inline_value(const PropSlot& s) {
  const std::uint64_t bits = std::uint64_t{s.hi} << 32 | s.lo;
  T value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

PropSlot short_string_slot(std::uint32_t name, std::string_view text) {
  std::array<char, max_short_string> bytes{};
  std::memcpy(bytes.data(), text.data(), text.size());
  PropSlot s = inline_slot(name, SlotKind::short_string, bytes);
  s.short_size = static_cast<std::uint32_t>(text.size());
  return s;
}

std::uint32_t checked_size(std::size_t size, const char* what) {
  if (size > UINT32_MAX) throw Error(ErrorCode::value, std::string("too many ") + what + " for one graph");
  return static_cast<std::uint32_t>(size);
}

}  // namespace

PropSlot GraphImpl::store(std::uint32_t name, const Value& value) {
  return std::visit(
      [&](const auto& v) -> PropSlot {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return slot(name, SlotKind::null);
        } else if constexpr (std::is_same_v<T, bool>) {
          return slot(name, SlotKind::boolean, v);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return inline_slot(name, SlotKind::integer, v);
        } else if constexpr (std::is_same_v<T, double>) {
          return inline_slot(name, SlotKind::real, v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (v.size() <= max_short_string) return short_string_slot(name, v);
          const std::uint32_t at = checked_size(texts.size(), "bytes of property text");
          checked_size(texts.size() + v.size(), "bytes of property text");
          texts.append(v);
          return slot(name, SlotKind::string, at, static_cast<std::uint32_t>(v.size()));
        } else if constexpr (std::is_same_v<T, Date>) {
          dates.push_back(v);
          return slot(name, SlotKind::date, checked_size(dates.size() - 1, "date values"));
        } else {
          // Items first into a scratch vector: an item that is a list appends to list_items too.
          std::vector<PropSlot> items;
          items.reserve(v.size());
          for (const Value& item : v) items.push_back(store(0, item));
          const std::uint32_t at = checked_size(list_items.size(), "list items");
          list_items.insert(list_items.end(), items.begin(), items.end());
          return slot(name, SlotKind::list, at, checked_size(items.size(), "list items"));
        }
      },
      ValueAccess::storage(value));
}

Value GraphImpl::value(const PropSlot& s) const {
  switch (static_cast<SlotKind>(s.kind)) {
    case SlotKind::null:
      return Value();
    case SlotKind::boolean:
      return Value(s.lo != 0);
    case SlotKind::integer:
      return Value(inline_value<std::int64_t>(s));
    case SlotKind::real:
      return Value(inline_value<double>(s));
    case SlotKind::string:
      return Value(std::string(texts, s.lo, s.hi));
    case SlotKind::short_string:
      return Value(std::string(inline_value<std::array<char, max_short_string>>(s).data(), s.short_size));
    case SlotKind::date:
      return Value(dates[s.lo]);
    case SlotKind::list: {
      List items;
      items.reserve(s.hi);
      for (std::uint32_t i = s.lo; i < s.lo + s.hi; ++i) items.push_back(value(list_items[i]));
      return Value(std::move(items));
    }
  }
  return Value();
}

std::optional<Value> GraphImpl::prop(Range r, std::string_view name) const {
  if (r.size() == 0) return std::nullopt;
  const StrId id = prop_names.find(name);
  if (id == no_string) return std::nullopt;
  for (std::uint32_t i = r.begin; i < r.end; ++i)
    if (props[i].name == id) return value(props[i]);
  return std::nullopt;
}

}  // namespace diplograph::detail
