#include "io/json/reader.hpp"

#include <rapidjson/encodings.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

#include "io/input_file.hpp"

namespace diplograph::detail::json {

namespace {

// A RapidJSON input stream over a file or a text, read in blocks. A NUL byte would look like
// the end of input to RapidJSON, so the stream ends there and remembers where it was.
class Stream {
 public:
  using Ch = char;
  Stream(std::FILE* file, std::string_view text, std::uint64_t max_size = 0)
      : file_(file), text_(text), max_size_(max_size) {
    if (!file_) {
      data_ = text_.data();
      size_ = text_.size();
      cut_at_nul();
    }
  }
  Ch Peek() {
    if (pos_ == size_ && !refill()) return '\0';
    return data_[pos_];
  }
  Ch Take() {
    if (pos_ == size_ && !refill()) return '\0';
    return data_[pos_++];
  }
  std::size_t Tell() const { return static_cast<std::size_t>(base_ + pos_); }
  std::uint64_t max_size() const { return max_size_; }
  // Writing is never used by the reader, but the concept requires it.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

  std::optional<std::uint64_t> nul_offset;
  bool read_error = false;
  bool too_large = false;  // the file grew past max_size after it was opened

 private:
  bool refill() {
    if (!file_ || nul_offset || too_large) return false;
    base_ += size_;
    pos_ = 0;
    size_ = std::fread(buffer_.get(), 1, block, file_);
    if (size_ == 0 && std::ferror(file_)) read_error = true;
    if (base_ + size_ > max_size_) {
      too_large = true;
      size_ = 0;
    }
    data_ = buffer_.get();
    cut_at_nul();
    return size_ > 0;
  }
  void cut_at_nul() {
    if (const void* nul = std::memchr(data_, '\0', size_)) {
      const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - data_);
      nul_offset = base_ + at;
      size_ = at;
    }
  }

  static constexpr std::size_t block = 1 << 16;
  std::FILE* file_;
  std::string_view text_;
  std::uint64_t max_size_;
  std::unique_ptr<char[]> buffer_ = std::make_unique<char[]>(block);
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t pos_ = 0;
  std::uint64_t base_ = 0;
};

// A decoded string may still hold what JSON text cannot carry safely: "\u0000" becomes a NUL
// byte and a lone "\uDC00" becomes an encoded surrogate (RapidJSON 1.1.0 lets both through).
// One pass over the bytes: this runs for every string of the input, so it goes 8 bytes at a
// time while a word holds neither a 0 nor a 0xED byte (the last word overlapping the one
// before), and looks at single bytes only from the first word that does, or in a string
// shorter than 4 bytes.
bool has_byte(std::uint64_t word, unsigned char byte) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const std::uint64_t x = word ^ (ones * byte);
  return ((x - ones) & ~x & highs) != 0;
}

bool suspect(std::uint64_t word) noexcept { return has_byte(word, 0) || has_byte(word, 0xED); }

const char* unsafe_content(std::string_view s) {
  std::size_t from = 0;
  if (s.size() >= 8) {
    from = s.size();
    for (std::size_t at = 0; at < s.size(); at += 8) {
      const std::size_t word = std::min(at, s.size() - 8);
      std::uint64_t w;
      std::memcpy(&w, s.data() + word, 8);
      if (suspect(w)) {
        from = word;
        break;
      }
    }
  } else if (s.size() >= 4) {  // two halves that may overlap
    std::uint32_t head, tail;
    std::memcpy(&head, s.data(), 4);
    std::memcpy(&tail, s.data() + s.size() - 4, 4);
    if (!suspect(std::uint64_t{tail} << 32 | head)) from = s.size();
  }
  for (std::size_t i = from; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return "a NUL character (\\u0000)";
    if (c == 0xED && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0xA0)
      return "a lone UTF-16 surrogate";
  }
  return nullptr;
}

// Adapts RapidJSON's handler concept to Events, adding the nesting cap and string checks.
class Guard {
 public:
  Guard(Events& events, Stream& stream) : events_(events), stream_(stream) {}
  bool Null() { return events_.null(at()); }
  bool Bool(bool b) { return events_.boolean(b, at()); }
  bool Int(int) { return false; }  // never called: numbers arrive as text
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return events_.number({s, n}, at()); }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view text(s, n);
    return check(text) && events_.string(text, at());
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view text(s, n);
    return check(text) && events_.key(text, at());
  }
  bool StartObject() { return enter() && events_.start_object(at()); }
  bool EndObject(rapidjson::SizeType) { return --depth_, events_.end_object(at()); }
  bool StartArray() { return enter() && events_.start_array(at()); }
  bool EndArray(rapidjson::SizeType) { return --depth_, events_.end_array(at()); }

 private:
  std::uint64_t at() const { return stream_.Tell(); }
  bool enter() {
    if (++depth_ <= max_depth) return true;
    events_.failure = Events::Failure{at(), "nesting deeper than " + std::to_string(max_depth) + " levels", false};
    return false;
  }
  bool check(std::string_view text) {
    const char* what = unsafe_content(text);
    if (!what) return true;
    events_.failure = Events::Failure{at(), std::string("string contains ") + what, true};
    return false;
  }
  Events& events_;
  Stream& stream_;
  int depth_ = 0;
};

template <unsigned flags>
std::optional<Diagnostic> run(Stream& stream, std::string_view head, const std::string& name, Events& events,
                              const std::function<Positions()>& positions) {
  auto fail = [&](std::uint64_t offset, std::string message, bool token_end) {
    const Positions p = positions();
    return Diagnostic{ErrorCode::syntax, token_end ? p.token_start(offset) : p.at(offset), std::move(message)};
  };
  // A UTF-8 byte order mark is allowed and skipped; a partial one is not.
  const std::string_view bom = "\xEF\xBB\xBF";
  std::size_t same = 0;
  while (same < head.size() && same < 3 && head[same] == bom[same]) ++same;
  if (same == 3) {
    stream.Take(), stream.Take(), stream.Take();
  } else if (same > 0) {
    return fail(0, "incomplete UTF-8 byte order mark", false);
  }
  rapidjson::Reader reader;
  Guard guard(events, stream);
  const rapidjson::ParseResult result = reader.Parse<flags>(stream, guard);
  if (stream.read_error) throw Error(ErrorCode::io, "cannot read", Location{name});
  if (stream.too_large) throw Error(ErrorCode::io, too_large_message(stream.max_size()), Location{name});
  if (events.failure) return fail(events.failure->offset, events.failure->message, events.failure->token_end);
  if (!result && (!stream.nul_offset || result.Offset() < *stream.nul_offset)) {
    std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(result.Code());
    if (!message.empty() && message.back() == '.') message.pop_back();
    return fail(result.Offset(), message, false);
  }
  if (stream.nul_offset) return fail(*stream.nul_offset, "NUL byte in the input", false);
  return std::nullopt;
}

constexpr unsigned safe_flags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;

}  // namespace

std::optional<Diagnostic> parse_file(const std::filesystem::path& file, Events& events, std::uint64_t max_size) {
  const std::string name = file.string();
  const FilePtr f = open_input(file, max_size);
  char head[3] = {};
  const std::size_t got = std::fread(head, 1, 3, f.get());
  std::rewind(f.get());
  Stream stream(f.get(), {}, max_size);
  return run<safe_flags>(stream, std::string_view(head, got), name, events,
                         [&] { return Positions::of_file(file, max_size); });
}

std::optional<Diagnostic> parse_text(std::string_view text, const std::string& name, Events& events,
                                     bool first_value_only) {
  Stream stream(nullptr, text);
  auto positions = [&] { return Positions(std::string(text), name); };
  if (first_value_only)
    return run<safe_flags | rapidjson::kParseStopWhenDoneFlag>(stream, text.substr(0, 3), name, events, positions);
  return run<safe_flags>(stream, text.substr(0, 3), name, events, positions);
}

Positions::Positions(std::string text, std::string name) : text_(std::move(text)), name_(std::move(name)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

Positions Positions::of_file(const std::filesystem::path& file, std::uint64_t max_size) {
  return Positions(read_input(file, max_size), file.string());
}

Location Positions::at(std::uint64_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  return Location{name_, line, static_cast<std::uint32_t>(offset - *(it - 1) + 1)};
}

Location Positions::token_start(std::uint64_t end) const {
  if (end == 0 || end > text_.size()) return at(end);
  std::uint64_t i = end - 1;
  if (text_[i] == '"') {
    // Back to the opening quote: the nearest earlier quote not escaped by an odd run of
    // backslashes.
    while (i > 0) {
      --i;
      if (text_[i] != '"') continue;
      std::uint64_t slashes = 0;
      while (i >= slashes + 1 && text_[i - slashes - 1] == '\\') ++slashes;
      if (slashes % 2 == 0) return at(i);
    }
    return at(0);
  }
  auto token_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
  };
  while (i > 0 && token_char(text_[i - 1])) --i;
  return at(i);
}

}  // namespace diplograph::detail::json
