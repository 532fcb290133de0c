#include "io/json/fast_item.hpp"

#include "core/bytes.hpp"
#include "core/value_access.hpp"
#include "io/json/schema_reader.hpp"

namespace diplograph::detail::json {

namespace {

// As in item_reader.cpp: lists are refilled from their start, so strings keep their capacity.
template <class T>
T& next(std::vector<T>& list, std::size_t& used) {
  if (used == list.size()) list.emplace_back();
  return list[used++];
}

constexpr std::uint32_t bit(auto field) { return 1u << static_cast<unsigned>(field); }

bool same(std::string_view a, std::string_view b) noexcept { return same_bytes(a, b); }

}  // namespace

void FastItem::begin(NodeData* node, EdgeData* edge) {
  node_ = node;
  edge_ = edge;
  depth_ = 0;
  gave_up_ = false;
  seen_ = 0;
  field_ = Field::id;
  props_used_ = sources_used_ = aliases_used_ = 0;
  in_list_ = false;
  auto reset = [](auto& d) {
    d.id.clear();
    d.type.clear();
    d.date.reset(), d.start.reset(), d.end.reset();
    d.modality = Modality::actual;
  };
  if (node_) reset(*node_), node_->label.clear();
  if (edge_) reset(*edge_), edge_->from.clear(), edge_->to.clear();
}

std::vector<Property>& FastItem::props() { return node_ ? node_->props : edge_->props; }
std::vector<Citation>& FastItem::sources() { return node_ ? node_->sources : edge_->sources; }

std::string* FastItem::text_field() {
  switch (field_) {
    case Field::id:
      return node_ ? &node_->id : &edge_->id;
    case Field::type:
      return node_ ? &node_->type : &edge_->type;
    case Field::label:
      return &node_->label;
    case Field::from:
      return &edge_->from;
    case Field::to:
      return &edge_->to;
    default:
      return nullptr;
  }
}

bool FastItem::key(std::string_view k) {
  if (gave_up_) return false;
  if (depth_ == 1) {
    const auto f = format::parse_field(k, edge_ != nullptr, same);
    if (!f || (seen_ & bit(*f))) return give_up();
    seen_ |= bit(*f);
    field_ = *f;
  } else if (depth_ == 2 && field_ == Field::props) {
    constexpr std::size_t many = 32;  // beyond this the tree reader checks repeated names
    if (props_used_ == many) return give_up();
    for (std::size_t i = 0; i < props_used_; ++i)
      if (same_bytes(props()[i].name, k)) return give_up();
    // The value comes next and replaces this one; a string value is kept so that its buffer is
    // refilled rather than freed and allocated again for every item.
    Property& p = next(props(), props_used_);
    p.name.assign(k);
  } else if (depth_ == 3 && field_ == Field::sources) {
    const auto f = format::citation_field_names.parse(k);
    if (!f || (cite_seen_ & bit(*f))) return give_up();
    cite_field_ = *f;
    cite_seen_ |= static_cast<std::uint8_t>(bit(cite_field_));
  } else {
    return give_up();
  }
  return false;
}

bool FastItem::string(std::string_view text) {
  if (gave_up_) return false;
  if (depth_ == 1) {
    if (std::string* s = text_field()) {
      s->assign(text);
    } else if (field_ == Field::date || field_ == Field::start || field_ == Field::end) {
      Date d;
      if (!Date::try_parse(text, d)) return give_up();
      auto& data_date = field_ == Field::date    ? (node_ ? node_->date : edge_->date)
                        : field_ == Field::start ? (node_ ? node_->start : edge_->start)
                                                 : (node_ ? node_->end : edge_->end);
      data_date = d;
    } else if (field_ == Field::modality) {
      const auto m = parse_modality(text);
      if (!m) return give_up();
      (node_ ? node_->modality : edge_->modality) = *m;
    } else {
      return give_up();
    }
    return false;
  }
  if (depth_ == 2 && field_ == Field::aliases) {
    next(node_->aliases, aliases_used_).assign(text);
    return false;
  }
  if (depth_ == 3 && field_ == Field::sources) {
    Citation& c = sources()[sources_used_ - 1];
    if (cite_field_ == CiteField::source) {
      c.source.assign(text);
    } else if (cite_field_ == CiteField::quote) {
      c.quote.assign(text);
    } else if (const auto stance = parse_stance(text)) {
      c.stance = *stance;
    } else {
      return give_up();
    }
    return false;
  }
  if (field_ == Field::props && depth_ == 2 && !in_list_) {
    ValueAccess::assign_string(props()[props_used_ - 1].value, text);
    return false;
  }
  return value(Value(std::string(text)));
}

bool FastItem::number(std::string_view text) {
  if (gave_up_) return false;
  Value v;
  if (!number_value(text, v)) return give_up();
  return value(std::move(v));
}

bool FastItem::null() { return gave_up_ ? false : value(Value()); }
bool FastItem::boolean(bool b) { return gave_up_ ? false : value(Value(b)); }

bool FastItem::value(Value v) {
  if (field_ == Field::props && depth_ == 2 && !in_list_) {
    props()[props_used_ - 1].value = std::move(v);
  } else if (field_ == Field::props && depth_ == 3 && in_list_) {
    list_.push_back(std::move(v));
  } else {
    return give_up();
  }
  return false;
}

bool FastItem::start_object() {
  ++depth_;
  if (gave_up_ || depth_ == 1 || (depth_ == 2 && field_ == Field::props)) return false;
  if (depth_ == 3 && field_ == Field::sources) {
    Citation& c = next(sources(), sources_used_);
    c.source.clear();
    c.quote.clear();
    c.stance = Stance::asserts;
    cite_seen_ = 0;
    return false;
  }
  gave_up_ = true;
  return false;
}

bool FastItem::start_array() {
  ++depth_;
  if (gave_up_) return false;
  if (depth_ == 2 && (field_ == Field::sources || field_ == Field::aliases)) return false;
  if (depth_ == 3 && field_ == Field::props) {
    in_list_ = true;
    list_.clear();
    return false;
  }
  gave_up_ = true;
  return false;
}

bool FastItem::end_array() {
  --depth_;
  if (!gave_up_ && in_list_ && depth_ == 2) {
    in_list_ = false;
    props()[props_used_ - 1].value = Value(std::move(list_));
  }
  return false;
}

bool FastItem::end_object() {
  --depth_;
  if (gave_up_) return closed();
  if (depth_ == 2 && field_ == Field::sources && !(cite_seen_ & bit(CiteField::source))) gave_up_ = true;
  if (!closed()) return false;
  // The item is complete: it needs what the tree reader requires.
  const std::uint32_t required = node_ ? bit(Field::id) | bit(Field::type) | bit(Field::label)
                                       : bit(Field::type) | bit(Field::from) | bit(Field::to);
  if ((seen_ & required) != required) gave_up_ = true;
  props().resize(props_used_);
  sources().resize(sources_used_);
  if (node_) node_->aliases.resize(aliases_used_);
  return true;
}

}  // namespace diplograph::detail::json
