#include "graph/assembler_thread.hpp"

#include <algorithm>
#include <array>
#include <type_traits>

namespace diplograph::detail {

namespace {
constexpr std::size_t batch_size = 4096;
constexpr std::size_t max_queued = 8;  // bounds the memory of items read but not yet assembled
}  // namespace

AssemblerThread::AssemblerThread(Assembler& assembler) : assembler_(assembler) {
  if (std::thread::hardware_concurrency() > 1) thread_ = std::thread([this] { run(); });
}

AssemblerThread::~AssemblerThread() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

namespace {

// PREFETCHW where the compiler may use it (x86 decodes it as a no-op where it is missing): the
// lines were last read on the other core, and a plain prefetch leaves them shared, so that the
// first write still waits for the other core to let go of them. GCC keeps it out of
// interprocedural analysis, which would find a function of hints alone without effect and
// drop its calls (clang has no noipa, and keeps them).
#if (defined(__x86_64__) || defined(__i386__)) && defined(__clang__)
__attribute__((target("prfchw")))
#elif defined(__x86_64__) || defined(__i386__)
__attribute__((target("prfchw"), noipa))
#endif
void prefetch_for_writing(const void* begin, std::size_t bytes) noexcept {
  constexpr std::size_t line = 64;
  const auto* p = static_cast<const char*>(begin);
  for (std::size_t at = 0; at < bytes; at += line) __builtin_prefetch(p + at, 1);
}

// The objects a batch is filled with were last touched by the assembling thread, so each is a
// cache miss or several for the reader, which waits on them field by field. Hints before the
// next items are read overlap those misses with the reading: the objects two ahead, and the
// buffers of their lists one ahead (the object itself came in after the last item).
template <class Item>
void prefetch_slots(const std::vector<Item>& items, std::size_t next) noexcept {
  if (next + 2 < items.size()) prefetch_for_writing(&items[next + 2], sizeof(Item));
  if (next + 1 < items.size()) {
    const Item& item = items[next + 1];
    prefetch_for_writing(item.props.data(), item.props.size() * sizeof(Property));
    prefetch_for_writing(item.sources.data(), item.sources.size() * sizeof(Citation));
  }
}

}  // namespace

NodeData& AssemblerThread::node_slot() {
  if (filling_.node_count == filling_.nodes.size()) filling_.nodes.emplace_back();
  return filling_.nodes[filling_.node_count];
}

void AssemblerThread::commit_node() {
  prefetch_slots(filling_.nodes, ++filling_.node_count);
  if (filling_.size() >= batch_size) hand_over();
}

EdgeData& AssemblerThread::edge_slot() {
  if (filling_.edge_count == filling_.edges.size()) filling_.edges.emplace_back();
  return filling_.edges[filling_.edge_count];
}

void AssemblerThread::commit_edge() {
  prefetch_slots(filling_.edges, ++filling_.edge_count);
  if (filling_.size() >= batch_size) hand_over();
}

// Adds items[0, count) with the hints for item i + ahead (stage 0) and i + ahead / 2 (stage 1)
// given before item i. Each item's hashes are computed once, for its first hint, and kept in
// a ring until its add.
template <class Item>
void AssemblerThread::assemble(std::vector<Item>& items, std::size_t count) {
  constexpr std::size_t ahead = 16, ring_size = 2 * ahead;
  std::array<Assembler::Hashes, ring_size> ring;
  auto hint = [&](std::size_t j) {
    ring[j % ring_size] = Assembler::hashes(items[j]);
    assembler_.prefetch(ring[j % ring_size], 0);
  };
  for (std::size_t j = 0; j < std::min(ahead, count); ++j) hint(j);
  for (std::size_t i = 0; i < count; ++i) {
    if (i + ahead < count) hint(i + ahead);
    if (i + ahead / 2 < count) assembler_.prefetch(ring[(i + ahead / 2) % ring_size], 1);
    if constexpr (std::is_same_v<Item, NodeData>)
      assembler_.add_node(std::move(items[i]), ring[i % ring_size]);
    else
      assembler_.add_edge(std::move(items[i]), ring[i % ring_size]);
  }
}

// The Assembler reads the items without keeping their strings, so they can be filled again.
void AssemblerThread::assemble(Batch& batch) {
  assemble(batch.nodes, batch.node_count);
  assemble(batch.edges, batch.edge_count);
  batch.clear();
}

void AssemblerThread::hand_over() {
  if (!thread_.joinable()) return assemble(filling_);
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < max_queued || error_; });
  if (error_) {
    filling_.clear();  // the Assembler failed; drain() reports why
    return;
  }
  queue_.push_back(std::move(filling_));
  filling_ = {};
  if (!spare_.empty()) {
    filling_ = std::move(spare_.front());
    spare_.pop_front();
  }
  lock.unlock();
  changed_.notify_all();
}

void AssemblerThread::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return !queue_.empty() || stop_; });
    if (queue_.empty()) return;
    Batch batch = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    changed_.notify_all();
    std::exception_ptr error;
    try {
      if (!error_) assemble(batch);
    } catch (...) {
      error = std::current_exception();
    }
    batch.clear();  // also when skipped after a failure
    lock.lock();
    spare_.push_back(std::move(batch));
    busy_ = false;
    if (error) error_ = error;
    changed_.notify_all();
  }
}

void AssemblerThread::drain() {
  if (filling_.size() > 0) hand_over();
  if (thread_.joinable()) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return (queue_.empty() && !busy_) || error_; });
  }
  if (error_) std::rethrow_exception(error_);
}

}  // namespace diplograph::detail
