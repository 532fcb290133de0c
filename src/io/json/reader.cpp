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
  // Called for every byte: always inlined, whatever the size of the parse around them.
  RAPIDJSON_FORCEINLINE Ch Peek() {
    if (pos_ == size_ && !refill()) return '\0';
    return data_[pos_];
  }
  RAPIDJSON_FORCEINLINE Ch Take() {
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
  [[gnu::noinline]] bool refill() {
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

// What a decoded string may hold that a load does not accept. "\u0000" becomes a NUL byte and
// a lone "\uDC00" an encoded surrogate (RapidJSON 1.1.0 lets both through); and when the parse
// does not validate the encoding, raw bytes may be anything.
enum class Content { safe, nul, surrogate, bad_utf8 };

constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;

// Whether a word holds a 0 byte or a byte >= 0x80: ASCII text without NUL holds neither.
bool suspect(std::uint64_t word) noexcept { return (((word - ones) & ~word) | word) & highs; }

std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The length of the UTF-8 sequence starting with the non-ASCII byte at s[i], or 0 if it is not
// one RFC 3629 allows (overlong, a surrogate, above U+10FFFF, cut short).
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = byte(0);
  unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  std::size_t length;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    length = 2;
  } else if (c < 0xF0) {
    length = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c < 0xF5) {
    length = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (byte(1) < lo || byte(1) > hi) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  return length;
}

// One pass over the bytes, run for every string of the input: 8 bytes at a time while a word
// is plain ASCII without NUL (the last word overlapping the one before; two 4-byte halves in a
// string of 4 to 7 bytes), single bytes and UTF-8 sequences otherwise.
Content unsafe_content(std::string_view s) noexcept {
  const std::size_t n = s.size();
  if (n >= 4 && n < 8) {
    std::uint32_t head, tail;
    std::memcpy(&head, s.data(), 4);
    std::memcpy(&tail, s.data() + n - 4, 4);
    if (!suspect(std::uint64_t{tail} << 32 | head)) return Content::safe;
  }
  std::size_t i = 0;
  while (i < n) {
    if (n >= 8) {
      if (i + 8 <= n) {
        if (!suspect(load8(s.data() + i))) {
          i += 8;
          continue;
        }
      } else if (!suspect(load8(s.data() + n - 8))) {
        return Content::safe;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == 0) return Content::nul;
      ++i;
      continue;
    }
    if (c == 0xED && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0xA0) return Content::surrogate;
    const std::size_t length = sequence_length(s, i);
    if (length == 0) return Content::bad_utf8;
    i += length;
  }
  return Content::safe;
}

const char* describe(Content content) {
  switch (content) {
    case Content::nul:
      return "a NUL character (\\u0000)";
    case Content::surrogate:
      return "a lone UTF-16 surrogate";
    default:
      return "invalid UTF-8";
  }
}

// Adapts RapidJSON's handler concept to Events, adding the nesting cap and string checks.
// When RapidJSON did not validate the encoding (`validated` false), any string that fails a
// check stops the parse with `recheck` set instead of a failure: the caller then parses again
// with validation to report exactly what a validating parse reports.
template <bool validated>
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

  bool recheck = false;

 private:
  std::uint64_t at() const { return stream_.Tell(); }
  bool enter() {
    if (++depth_ <= max_depth) return true;
    events_.failure = Events::Failure{at(), "nesting deeper than " + std::to_string(max_depth) + " levels", false};
    return false;
  }
  bool check(std::string_view text) {
    const Content content = unsafe_content(text);
    if (content == Content::safe) return true;
    if (!validated) {
      recheck = true;
    } else {
      events_.failure = Events::Failure{at(), std::string("string contains ") + describe(content), true};
    }
    return false;
  }
  Events& events_;
  Stream& stream_;
  int depth_ = 0;
};

// Receives nothing: a validating parse run again only to find where the first one went wrong.
class NoEvents final : public Events {
 public:
  bool null(std::uint64_t) override { return true; }
  bool boolean(bool, std::uint64_t) override { return true; }
  bool number(std::string_view, std::uint64_t) override { return true; }
  bool string(std::string_view, std::uint64_t) override { return true; }
  bool key(std::string_view, std::uint64_t) override { return true; }
  bool start_object(std::uint64_t) override { return true; }
  bool end_object(std::uint64_t) override { return true; }
  bool start_array(std::uint64_t) override { return true; }
  bool end_array(std::uint64_t) override { return true; }
};

// One input to parse: a file (read again from its start for each parse) or a text.
struct Source {
  std::FILE* file;
  std::string_view text;
  std::uint64_t max_size;
  std::string_view head;  // the first three bytes, to look for a byte order mark
  const std::string& name;
  std::function<Positions()> positions;
};

// Parses without validating the encoding, which is most of RapidJSON's cost; the Guard checks
// each string's UTF-8 instead. If anything goes wrong in a way a validating parse might
// report differently (a string that fails a check, or a syntax error inside a string that
// also holds invalid UTF-8), the input is parsed again with validation and no receiver, so
// the user gets the same message and position as from a validating parse. Events before the
// first problem are the same in both parses, so the receiver needs no second pass.
template <unsigned flags>
std::optional<Diagnostic> run(const Source& source, Events& events) {
  constexpr bool validated = (flags & rapidjson::kParseValidateEncodingFlag) != 0;
  auto fail = [&](std::uint64_t offset, std::string message, bool token_end) {
    const Positions p = source.positions();
    return Diagnostic{ErrorCode::syntax, token_end ? p.token_start(offset) : p.at(offset), std::move(message)};
  };
  if (source.file) {
    std::clearerr(source.file);
    if (std::fseek(source.file, 0, SEEK_SET) != 0) throw Error(ErrorCode::io, "cannot read", Location{source.name});
  }
  Stream stream(source.file, source.text, source.max_size);
  // A UTF-8 byte order mark is allowed and skipped; a partial one is not.
  const std::string_view bom = "\xEF\xBB\xBF";
  std::size_t same = 0;
  while (same < source.head.size() && same < 3 && source.head[same] == bom[same]) ++same;
  if (same == 3) {
    stream.Take(), stream.Take(), stream.Take();
  } else if (same > 0) {
    return fail(0, "incomplete UTF-8 byte order mark", false);
  }
  rapidjson::Reader reader;
  Guard<validated> guard(events, stream);
  const rapidjson::ParseResult result = reader.Parse<flags>(stream, guard);
  if (stream.read_error) throw Error(ErrorCode::io, "cannot read", Location{source.name});
  if (stream.too_large) throw Error(ErrorCode::io, too_large_message(stream.max_size()), Location{source.name});
  if (!validated && (guard.recheck || (!result && !events.failure))) {
    NoEvents none;
    if (auto found = run<flags | rapidjson::kParseValidateEncodingFlag>(source, none)) return found;
  }
  if (events.failure) return fail(events.failure->offset, events.failure->message, events.failure->token_end);
  if (!result && (!stream.nul_offset || result.Offset() < *stream.nul_offset)) {
    std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(result.Code());
    if (!message.empty() && message.back() == '.') message.pop_back();
    return fail(result.Offset(), message, false);
  }
  if (stream.nul_offset) return fail(*stream.nul_offset, "NUL byte in the input", false);
  return std::nullopt;
}

// Encoding validation is the Guard's job until something fails (see run).
constexpr unsigned safe_flags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;

}  // namespace

std::optional<Diagnostic> parse_file(const std::filesystem::path& file, Events& events, std::uint64_t max_size) {
  const std::string name = file.string();
  const FilePtr f = open_input(file, max_size);
  char head[3] = {};
  const std::size_t got = std::fread(head, 1, 3, f.get());
  const Source source{
      f.get(), {}, max_size, std::string_view(head, got), name, [&] { return Positions::of_file(file, max_size); }};
  return run<safe_flags>(source, events);
}

std::optional<Diagnostic> parse_text(std::string_view text, const std::string& name, Events& events,
                                     bool first_value_only) {
  const Source source{nullptr, text, 0, text.substr(0, 3), name, [&] { return Positions(std::string(text), name); }};
  if (first_value_only) return run<safe_flags | rapidjson::kParseStopWhenDoneFlag>(source, events);
  return run<safe_flags>(source, events);
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
