#pragma once
// Hashing and comparing the short strings a graph is made of (ids, type and field names), run
// millions of times per load. Both work in registers: on the machines we measured, a call to
// memcmp or std::hash for a 10-byte id costs more than the work itself.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace diplograph::detail {

inline bool same_bytes(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return std::memcmp(a.data(), b.data(), a.size()) == 0;  // quotes, labels
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

/// 8 bytes at a time, each word folded in with the splitmix64 finaliser.
inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  auto mix = [](std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
  };
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);  // a fixed size: one load, no call
    h = mix(h ^ word);
  }
  std::uint64_t tail = 0;
  for (std::size_t i = 0; i < n; ++i) tail |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return mix(h ^ tail);
}

}  // namespace diplograph::detail
